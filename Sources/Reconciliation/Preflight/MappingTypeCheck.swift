import ParityConfig

/// Whether each column pair of one mapping can ever compare, given both tables' column types.
struct MappingTypeCheck {
    let mapping: TableMapping
    let index: Int
    let legacy: TableFacts
    let new: TableFacts

    func result() -> CheckResult {
        var problems: [(detail: String, fix: String)] = []
        for (position, pair) in zip(mapping.key.legacy, mapping.key.new).enumerated() {
            guard let legacyColumn = legacy.column(pair.0), let newColumn = new.column(pair.1) else { continue }
            if let problem = textPairProblem(legacyColumn, newColumn, path: "tables[\(index)].key", mapped: false) {
                problems.append((problem.detail, "key columns must compare as text; \(problem.fix) (key column \(position + 1))"))
            }
        }
        for (position, column) in mapping.columns.enumerated() {
            guard let legacyColumn = legacy.column(column.legacy), let newColumn = new.column(column.new) else { continue }
            let path = "tables[\(index)].columns[\(position)]"
            if let problem = columnProblem(column, legacyColumn, newColumn, path: path) {
                problems.append(problem)
            }
        }
        guard let first = problems.first else {
            return .pass("column_types", mapping.name, "\(mapping.columns.count) column pairs and the key compare",
                         blocks: .configuration)
        }
        let details = problems.map(\.detail).joined(separator: "; ")
        return .fail("column_types", mapping.name, details, fix: first.fix, blocks: .configuration)
    }

    private func columnProblem(
        _ column: ColumnMapping, _ legacyColumn: ColumnFacts, _ newColumn: ColumnFacts, path: String
    ) -> (detail: String, fix: String)? {
        let mapped = !column.map.isEmpty
        if let accepted = TypeFamily.accepted(by: column.type) {
            for (side, facts) in [("legacy", legacyColumn), ("new", newColumn)] where !(side == "legacy" && mapped) {
                guard !accepted.contains(facts.family) else { continue }
                return ("\(side) column \(facts.name) is \(facts.declaredType), which type \(column.type.rawValue) cannot compare",
                        "change \(path).type, or map the values with \(path).map")
            }
            return timeZoneProblem(column, legacyColumn, newColumn, path: path)
        }
        return textPairProblem(legacyColumn, newColumn, path: path, mapped: mapped)
    }

    /// A `timestamp without time zone` compared with a zoned value needs the zone it was written in.
    private func timeZoneProblem(
        _ column: ColumnMapping, _ legacyColumn: ColumnFacts, _ newColumn: ColumnFacts, path: String
    ) -> (detail: String, fix: String)? {
        guard column.type.isTimestamp else { return nil }
        if legacyColumn.family == .timestamp, newColumn.family == .timestamptz, column.legacyTimezone == nil {
            return ("legacy column \(legacyColumn.name) is timestamp without time zone but new column \(newColumn.name) is timestamptz",
                    "set \(path).legacy_timezone to the zone legacy writes in (e.g. America/Vancouver)")
        }
        if newColumn.family == .timestamp, legacyColumn.family == .timestamptz, column.newTimezone == nil {
            return ("new column \(newColumn.name) is timestamp without time zone but legacy column \(legacyColumn.name) is timestamptz",
                    "set \(path).new_timezone to the zone the new system writes in")
        }
        return nil
    }

    /// Under the default `text` comparison, two families compare only if they are equal, one of them
    /// is text, or a value map translates legacy values.
    private func textPairProblem(
        _ legacyColumn: ColumnFacts, _ newColumn: ColumnFacts, path: String, mapped: Bool
    ) -> (detail: String, fix: String)? {
        let (legacyFamily, newFamily) = (legacyColumn.family, newColumn.family)
        guard legacyFamily != newFamily, legacyFamily != .text, newFamily != .text, !mapped else { return nil }
        let detail = "legacy \(legacyColumn.name) (\(legacyColumn.declaredType)) and new \(newColumn.name) (\(newColumn.declaredType)) never compare as text"
        if let suggestion = TypeFamily.suggestedType(legacyFamily, newFamily) {
            return (detail, "set \(path).type: \(suggestion.rawValue)")
        }
        return (detail, "map the values with \(path).map, or ignore the columns")
    }
}
