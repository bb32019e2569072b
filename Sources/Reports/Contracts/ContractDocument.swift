import Reconciliation

/// `parity.contract/1` (docs/json-schemas.md): one contract with its evidence, vectors and expectations. Holds no
/// export time, so exporting unchanged evidence again writes the same bytes.
struct ContractDocument: Encodable {
    let contract: Contract

    init(_ contract: Contract) {
        self.contract = contract
    }

    private struct Vector: Encodable {
        let key: [String: String?]
        let inputs: [String: String?]
        let legacy: [String: String?]
        let new: [String: String?]?
        let about: [String: String]

        enum CodingKeys: String, CodingKey { case key, inputs, legacy, new, about }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(key, forKey: .key)
            try container.encode(inputs, forKey: .inputs)
            try container.encode(legacy, forKey: .legacy)
            try container.encode(new, forKey: .new)
            try container.encode(about, forKey: .about)
        }
    }

    private struct Expectation: Encodable {
        let kind: String
        let appliesTo: [String: String]
        let decision: String
        let owner: String?
        let note: String?
        let expectation: String

        enum CodingKeys: String, CodingKey { case kind, appliesTo = "applies_to", decision, owner, note, expectation }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(kind, forKey: .kind)
            try container.encode(appliesTo, forKey: .appliesTo)
            try container.encode(decision, forKey: .decision)
            try container.encode(owner, forKey: .owner)
            try container.encode(note, forKey: .note)
            try container.encode(expectation, forKey: .expectation)
        }
    }

    /// A fact as JSON: a number, a string or an array of strings.
    private struct Fact: Encodable {
        let fact: ContractFact

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch fact {
            case .count(let count): try container.encode(count)
            case .text(let text): try container.encode(text)
            case .list(let items): try container.encode(items)
            }
        }
    }

    enum CodingKeys: String, CodingKey { case schema, id, kind, description, subject, evidence, vectors, expectations }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("parity.contract/1", forKey: .schema)
        try container.encode(contract.id, forKey: .id)
        try container.encode(contract.kind.rawValue, forKey: .kind)
        try container.encode(contract.description, forKey: .description)
        try container.encode(contract.subject, forKey: .subject)
        try container.encode(contract.evidence.mapValues(Fact.init), forKey: .evidence)
        try container.encode(contract.vectors.map {
            Vector(key: $0.key, inputs: $0.inputs, legacy: $0.legacy, new: $0.new, about: $0.about)
        }, forKey: .vectors)
        try container.encode(contract.expectations.map {
            Expectation(kind: $0.kind.rawValue, appliesTo: $0.appliesTo, decision: $0.decision, owner: $0.owner, note: $0.note,
                        expectation: $0.expectation)
        }, forKey: .expectations)
    }
}
