import Reconciliation

/// A contract as CSV: `#` comment lines with the schema, id, description and evidence, then one RFC 4180 record per
/// vector (columns `key.<name>`, `input.<name>`, `legacy.<name>`, `new.<name>`, `about.<name>`, the union over the
/// vectors, sorted) or, for decisions, per expectation. NULL and "no new output" are both empty cells.
enum ContractCSV {
    static func render(_ contract: Contract) -> String {
        var text = comments(contract).map { "# " + Escaping.visible($0) + "\r\n" }.joined()
        guard contract.expectations.isEmpty else {
            text += Escaping.csvRecord(["kind", "applies_to", "decision", "owner", "note", "expectation"])
            for expectation in contract.expectations {
                let applies = expectation.appliesTo.keys.sorted().map { "\($0)=\(expectation.appliesTo[$0] ?? "")" }.joined(separator: "; ")
                text += Escaping.csvRecord([
                    expectation.kind.rawValue, applies, expectation.decision, expectation.owner ?? "", expectation.note ?? "", expectation.expectation,
                ])
            }
            return text
        }
        let parts: [(prefix: String, values: (ContractVector) -> [String: String?])] = [
            ("key", \.key), ("input", \.inputs), ("legacy", \.legacy), ("new", { $0.new ?? [:] }), ("about", { $0.about.mapValues { $0 } }),
        ]
        let columns = parts.map { part in
            (part, Set(contract.vectors.flatMap { part.values($0).keys }).sorted())
        }
        text += Escaping.csvRecord(columns.flatMap { part, names in names.map { "\(part.prefix).\($0)" } })
        for vector in contract.vectors {
            text += Escaping.csvRecord(columns.flatMap { part, names in
                let values = part.values(vector)
                return names.map { (values[$0] ?? nil) ?? "" }
            })
        }
        return text
    }

    private static func comments(_ contract: Contract) -> [String] {
        let facts = contract.evidence.keys.sorted().map { name -> String in
            switch contract.evidence[name]! {
            case .count(let count): "evidence \(name): \(count)"
            case .text(let text): "evidence \(name): \(text)"
            case .list(let items): "evidence \(name): \(items.joined(separator: ", "))"
            }
        }
        let subject = contract.subject.keys.sorted().map { "subject \($0): \(contract.subject[$0] ?? "")" }
        return ["schema: parity.contract/1", "id: \(contract.id)", "kind: \(contract.kind.rawValue)", "description: \(contract.description)"]
            + subject + facts
    }
}
