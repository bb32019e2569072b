import ParityModel

extension TableMapping {
    static let keys = ["name", "legacy", "new", "key", "columns", "ignore", "line_items", "scope"]

    static func read(from reader: NodeReader) -> TableMapping? {
        let fix = "write a mapping such as { name: invoices, legacy: public.invoices, new: billing.invoice, key: ... }"
        guard let map = reader.mapping(allowedKeys: keys, fix: fix) else { return nil }
        let name = map.required("name", example: "invoices")?.identifier(rule: "letters, digits and _") {
            $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber))
        }
        let legacy = map.required("legacy", example: "public.invoices")?.qualifiedName()
        let new = map.required("new", example: "billing.invoice")?.qualifiedName()
        let key = map.required("key", example: "{ legacy: [inv_no], new: [id] }").flatMap(KeyMapping.read(from:))
        let columns = map["columns"]?.list(fix: "write columns as a list: - { legacy: status, new: state }") {
            ColumnMapping.read(from: $0)
        }
        let ignore = map["ignore"].map(IgnoredColumns.init(reading:)) ?? IgnoredColumns()
        let lineItems = map["line_items"].flatMap(LineItems.read(from:))
        let scope = map["scope"].flatMap(CutoverScope.read(from:))
        guard let name, let legacy, let new, let key else { return nil }
        if let lineItems, lineItems.key.count != key.legacy.count, let at = map["line_items"]?.child("key") {
            at.report("has \(lineItems.key.count) column(s) but key.legacy has \(key.legacy.count)",
                      fix: "list the lines' columns naming the header, paired by position with key.legacy")
        }
        let mapping = TableMapping(
            name: name, legacy: legacy, new: new, key: key, columns: columns ?? [], ignore: ignore, lineItems: lineItems,
            scope: scope
        )
        if columns != nil { mapping.checkColumnUse(reader: reader) }
        return mapping
    }

    /// Reports columns mapped twice on one side, and ignored columns that are also mapped or keys.
    private func checkColumnUse(reader: NodeReader) {
        for side in SourceSide.allCases {
            var mappedAt: [String: Int] = [:]
            for (index, column) in columns.enumerated() {
                let name = side == .legacy ? column.legacy : column.new
                if let first = mappedAt[name] {
                    let at = reader.child("columns")?.element(index)?.child(side.rawValue)
                    at?.report("\(at?.shown(name) ?? name) is already mapped by columns[\(first)]",
                               fix: "map each \(side.rawValue) column once")
                } else {
                    mappedAt[name] = index
                }
            }
            let keyColumns = side == .legacy ? key.legacy : key.new
            let ignored = side == .legacy ? ignore.legacy : ignore.new
            for (index, name) in ignored.enumerated() {
                guard let at = reader.child("ignore")?.child(side.rawValue)?.element(index) else { continue }
                if let mappedIndex = mappedAt[name] {
                    at.report("\(at.shown(name)) is also mapped by columns[\(mappedIndex)]",
                              fix: "remove it from ignore or from columns")
                } else if keyColumns.contains(name) {
                    at.report("\(at.shown(name)) is a key column", fix: "remove it from ignore (key columns are always compared)")
                }
            }
        }
    }
}

extension KeyMapping {
    static func read(from reader: NodeReader) -> KeyMapping? {
        let fix = "write key: { legacy: [inv_no], new: [id] }"
        guard let map = reader.mapping(allowedKeys: ["legacy", "new", "normalize"], fix: fix) else { return nil }
        let legacy = map.required("legacy", example: "[inv_no]")?.keyColumns()
        let new = map.required("new", example: "[id]")?.keyColumns()
        let normalize = map["normalize"]?.list(fix: "write normalize: [trim, { strip_prefix: \"INV-\" }]") {
            KeyNormalizer.read(from: $0)
        }
        guard let legacy, let new else { return nil }
        if legacy.count != new.count, let newReader = map["new"] {
            newReader.report("has \(new.count) column(s) but key.legacy has \(legacy.count)",
                             fix: "list the same number of key columns on both sides, paired by position")
            return nil
        }
        return KeyMapping(legacy: legacy, new: new, normalize: normalize ?? [])
    }
}

extension LineItems {
    static func read(from reader: NodeReader) -> LineItems? {
        let fix = "write line_items: { table: invoice_lines, key: [inv_no], amount: amount, total: total }"
        guard let map = reader.mapping(allowedKeys: ["table", "key", "amount", "total"], fix: fix) else { return nil }
        let mapping = map.required("table", example: "invoice_lines")?.name(fix: "name the lines' table mapping")
        let key = map.required("key", example: "[inv_no]")?.keyColumns()
        let amount = map.required("amount", example: "amount")?.name(fix: "name the lines' amount column")
        let total = map.required("total", example: "total")?.name(fix: "name the header' total column")
        guard let mapping, let key, let amount, let total else { return nil }
        return LineItems(mapping: mapping, key: key, amount: amount, total: total)
    }
}

extension IgnoredColumns {
    init(reading reader: NodeReader) {
        self.init()
        guard let map = reader.mapping(allowedKeys: ["legacy", "new"], fix: "write ignore: { legacy: [row_version], new: [] }") else {
            return
        }
        legacy = map["legacy"]?.nameList(example: "[row_version]") ?? []
        new = map["new"]?.nameList(example: "[created_by]") ?? []
    }
}

extension NodeReader {
    /// A non-empty list of distinct key column names.
    fileprivate func keyColumns() -> [String]? {
        guard let columns = nameList(example: "[id]") else { return nil }
        guard !columns.isEmpty else {
            report("is empty", fix: "list at least one key column")
            return nil
        }
        var seen: Set<String> = []
        for (index, column) in columns.enumerated() where !seen.insert(column).inserted {
            let at = element(index) ?? self
            at.report("\(at.shown(column)) is listed twice", fix: "list each key column once")
            return nil
        }
        return columns
    }
}
