/// The table mappings read so far, for checking references from aggregates and dispositions.
struct TableCatalog {
    /// The mappings that were read without problems.
    var mappings: [TableMapping]
    /// Every name written under `tables[].name`, including mappings that had problems.
    var declaredNames: [String]

    static func read(from reader: NodeReader) -> TableCatalog {
        guard let items = reader.list(fix: "write tables as a list of mappings: - name: invoices") else {
            return TableCatalog(mappings: [], declaredNames: [])
        }
        var catalog = TableCatalog(mappings: [], declaredNames: [])
        var firstIndex: [String: Int] = [:]
        var tableIndex: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            let mapping = TableMapping.read(from: item)
            guard let nameReader = item.child("name"), !nameReader.isNull, case .scalar(let scalar) = nameReader.node else {
                continue
            }
            let name = mapping?.name ?? scalar.string
            if let first = firstIndex[name] {
                nameReader.report("\"\(name)\" is already the name of tables[\(first)]",
                                  fix: "give each table mapping a unique name")
                continue
            }
            firstIndex[name] = index
            catalog.declaredNames.append(name)
            guard let mapping else { continue }
            // One mapping per table on each side: a second one would capture and count the same rows twice.
            var duplicated = false
            for (side, table) in [("legacy", mapping.legacy), ("new", mapping.new)] {
                let key = "\(side) \(table.schema).\(table.name)"
                if let first = tableIndex[key] {
                    (item.child(side) ?? item).report(
                        "\(side) table \(table.schema).\(table.name) is already mapped by tables[\(first)]",
                        fix: "map each table once; add its columns to that mapping")
                    duplicated = true
                }
            }
            guard !duplicated else { continue }
            tableIndex["legacy \(mapping.legacy.schema).\(mapping.legacy.name)"] = index
            tableIndex["new \(mapping.new.schema).\(mapping.new.name)"] = index
            catalog.mappings.append(mapping)
        }
        return catalog
    }

    /// Whether `name` was declared; reports an unknown name at `reader` with a suggestion.
    func checkDeclared(_ name: String, at reader: NodeReader) -> Bool {
        guard declaredNames.contains(name) else {
            let fix = declaredNames.isEmpty
                ? "declare the table mapping under tables first"
                : Suggestion.fix(for: name, among: declaredNames, listLabel: "write one of the tables[].name values")
            reader.report("\(reader.shown(name)) is not the name of a table mapping", fix: fix)
            return false
        }
        return true
    }

    /// The valid mapping called `name`, if it was read without problems.
    func mapping(named name: String) -> TableMapping? {
        mappings.first { $0.name == name }
    }
}
