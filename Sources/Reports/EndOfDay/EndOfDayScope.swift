import Reconciliation

/// The cutover scope of each scoped table in the end-of-day report: `tables[].scope` in `parity.eod/1`, a text section and
/// an HTML section, shown only when a table has a scope.
enum EndOfDayScope {
    /// A table's `scope` object.
    struct Document: Encodable {
        struct Share: Encodable {
            let cycle: Int64
            let label: String
            let share: String
        }

        let definition: String?
        let rows: Int
        let inScope: Int
        let share: String
        let outOfScope: Int
        let listedKeys: Int?
        let comparedAll: Bool
        let history: [Share]

        enum CodingKeys: String, CodingKey {
            case definition, rows, inScope = "in_scope", share, outOfScope = "out_of_scope", listedKeys = "listed_keys"
            case comparedAll = "compared_all", history
        }

        init(_ line: EndOfDayReport.ScopeLine) {
            definition = line.definition
            rows = line.rows
            inScope = line.inScope
            share = line.share
            outOfScope = line.outOfScope
            listedKeys = line.listedKeys
            comparedAll = line.comparedAll
            history = line.history.map { Share(cycle: $0.cycle, label: $0.label, share: $0.share) }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(definition, forKey: .definition)
            try container.encode(rows, forKey: .rows)
            try container.encode(inScope, forKey: .inScope)
            try container.encode(share, forKey: .share)
            try container.encode(outOfScope, forKey: .outOfScope)
            try container.encode(listedKeys, forKey: .listedKeys)
            try container.encode(comparedAll, forKey: .comparedAll)
            try container.encode(history, forKey: .history)
        }
    }

    /// One row per scoped table: table, share, keys in scope, keys left out this cycle, scope, share cycle by cycle.
    static func rows(_ report: EndOfDayReport) -> [[String]] {
        report.tables.compactMap { table in
            table.scope.map { scope in
                [table.name, EndOfDayReport.ScopeLine.percent(scope.share),
                 "\(Humanized.amount(String(scope.inScope))) of \(Humanized.amount(String(scope.rows)))",
                 Humanized.amount(String(scope.outOfScope)),
                 (scope.definition ?? "none (every row)") + (scope.listedKeys.map { " (\(Humanized.amount(String($0))) keys listed)" } ?? "")
                    + (scope.comparedAll ? "; changed: every key in scope compared" : ""),
                 scope.history.map { EndOfDayReport.ScopeLine.percent($0.share) }.joined(separator: " → ")]
            }
        }
    }

    static let columns = ["table", "in scope", "keys in scope", "left out this cycle", "scope", "by cycle"]

    /// The text section; empty when no table has a scope.
    static func lines(_ report: EndOfDayReport) -> [String] {
        let rows = rows(report)
        guard !rows.isEmpty else { return [] }
        return ["", "cutover scope:"] + rows.map { row in
            "  \(row[0])  \(row[1]) in scope (\(row[2]) keys; \(row[3]) left out this cycle)  scope: \(row[4])  by cycle: \(row[5])"
        }
    }

    /// The HTML section; empty when no table has a scope.
    static func html(_ report: EndOfDayReport) -> [String] {
        let rows = rows(report)
        return rows.isEmpty ? [] : EndOfDayHTML.section("Cutover scope", columns, rows)
    }
}
