import ParityModel

extension DispositionRule {
    static let keys = ["table", "column", "kind", "pattern", "disposition", "owner", "note"]

    static func readList(from reader: NodeReader, tables: TableCatalog) -> [DispositionRule] {
        reader.list(fix: "write dispositions as a list: - { table: invoices, kind: rounding, disposition: legacy_bug }")
            .map { items in items.compactMap { read(from: $0, tables: tables) } } ?? []
    }

    static func read(from reader: NodeReader, tables: TableCatalog) -> DispositionRule? {
        let fix = "write { table: invoices, kind: value_mismatch, disposition: intentional_change, note: ... }"
        guard let map = reader.mapping(allowedKeys: keys, fix: fix) else { return nil }
        let kind = map.required("kind", example: "value_mismatch")?.choice(FindingKind.self)
        let tableReader = map.required("table", example: "invoices")
        let columnReader = map["column"]
        let column = columnReader?.name(fix: "write a column name or remove the key")
        let pattern = map["pattern"]?.regularExpression()
        let disposition = map.required("disposition", example: "intentional_change")?.choice(Disposition.self)
        let owner = map["owner"]?.text()
        let note = map["note"]?.text()

        var table: DispositionTable?
        if let kind, let tableReader {
            if kind.namesLegacyTable {
                table = tableReader.qualifiedName().map(DispositionTable.legacyTable)
            } else if let name = tableReader.name(), tables.checkDeclared(name, at: tableReader) {
                table = .mapping(name)
                if let column, let columnReader, let mapping = tables.mapping(named: name) {
                    let known = mapping.columns.flatMap { [$0.legacy, $0.new] }
                    if !known.contains(column) {
                        let fix = Suggestion.closest(to: column, among: known).map { "did you mean '\($0)'?" }
                            ?? "write a mapped column of '\(name)' (legacy or new name)"
                        columnReader.report("\(columnReader.shown(column)) is not a mapped column of table mapping '\(name)'",
                                            fix: fix)
                    }
                }
            }
        }
        guard let kind, let table, let disposition else { return nil }
        return DispositionRule(
            table: table, column: column, kind: kind, pattern: pattern, disposition: disposition, owner: owner, note: note
        )
    }
}
