extension AggregateConfiguration {
    static let keys = [
        "name", "table", "measure", "group_by", "scope", "date", "filter", "tolerance", "legacy_summary", "unit",
    ]

    static func readList(from reader: NodeReader, tables: TableCatalog) -> [AggregateConfiguration] {
        guard let items = reader.list(fix: "write aggregates as a list: - name: monthly_totals") else { return [] }
        var aggregates: [AggregateConfiguration] = []
        var firstIndex: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            guard let aggregate = read(from: item, tables: tables) else { continue }
            if let first = firstIndex[aggregate.name] {
                item.child("name")?.report("\"\(aggregate.name)\" is already the name of aggregates[\(first)]",
                                           fix: "give each aggregate a unique name")
                continue
            }
            firstIndex[aggregate.name] = index
            aggregates.append(aggregate)
        }
        return aggregates
    }

    static func read(from reader: NodeReader, tables: TableCatalog) -> AggregateConfiguration? {
        let fix = "write an aggregate as { name: totals, table: invoices, measure: { sum: total } }"
        guard let map = reader.mapping(allowedKeys: keys, fix: fix) else { return nil }
        let name = map.required("name", example: "monthly_invoice_totals")?.identifier(rule: "letters, digits and _") {
            $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber))
        }
        let tableReader = map.required("table", example: "invoices")
        let table = tableReader?.name()
        let measureReader = map.required("measure", example: "{ sum: total }")
        let measure = measureReader.flatMap(AggregateMeasure.read(from:))
        let groupBy = map["group_by"]?.nameList(example: "[currency]") ?? []
        let scope = map["scope"].map { $0.choice(AggregateScope.self) } ?? .balance
        let date = readDate(from: map, scope: scope)
        let filter = map["filter"]?.name(fix: "write a filter expression or remove the key")
        let tolerance = map["tolerance"]?.nonNegativeDecimal() ?? "0"
        let summary = map["legacy_summary"].flatMap { LegacySummary.read(from: $0, scope: scope, groupBy: groupBy) }
        let unit = readUnit(from: map, groupBy: groupBy)

        if let table, let tableReader, tables.checkDeclared(table, at: tableReader), let mapping = tables.mapping(named: table) {
            let known = mapping.key.legacy + mapping.columns.map(\.legacy)
            if let measure, let measureReader, measure != .count("*"),
               let columnReader = AggregateMeasure.functionNames.lazy.compactMap({ measureReader.child($0) }).first {
                columnReader.checkLegacyColumn(measure.column, of: mapping, known: known)
            }
            for (index, column) in groupBy.enumerated() {
                map["group_by"]?.element(index)?.checkLegacyColumn(column, of: mapping, known: known)
            }
        }
        guard let name, let table, let measure, let scope else { return nil }
        return AggregateConfiguration(
            name: name, table: table, measure: measure, groupBy: groupBy, scope: scope, date: date,
            filter: filter, tolerance: tolerance, legacySummary: summary, unit: unit
        )
    }

    /// `unit`: the group-by column whose value is the amount's unit (a currency), so amounts of different units are never
    /// added; by default a group-by column named `currency`, `currency_code` or `ccy`; `unit: none` for no unit.
    private static func readUnit(from map: MappingReader, groupBy: [String]) -> String? {
        guard let reader = map["unit"] else {
            return groupBy.first { ["currency", "currency_code", "ccy"].contains($0.lowercased()) }
        }
        guard let unit = reader.name(fix: "name a group_by column, e.g. unit: currency, or write unit: none") else { return nil }
        if unit == "none" { return nil }
        guard groupBy.contains(unit) else {
            reader.report("\"\(unit)\" is not one of group_by (\(groupBy.joined(separator: ", ")))",
                          fix: "name the group_by column that holds the currency, or write unit: none")
            return nil
        }
        return unit
    }

    private static func readDate(from map: MappingReader, scope: AggregateScope?) -> SidePair? {
        guard let dateReader = map["date"] else {
            if scope == .flow {
                _ = map.required("date", example: "{ legacy: issued_on, new: issue_date } (required when scope is flow)")
            }
            return nil
        }
        if scope == .balance {
            dateReader.report("applies only to scope: flow", fix: "remove date or write scope: flow")
            return nil
        }
        return SidePair.read(from: dateReader)
    }
}

extension AggregateMeasure {
    static func read(from reader: NodeReader) -> AggregateMeasure? {
        guard let map = reader.mapping(allowedKeys: functionNames, fix: "write measure: { sum: total }") else { return nil }
        let present = functionNames.filter(map.contains)
        guard present.count == 1, let function = present.first, let columnReader = map[function] else {
            if present.isEmpty, map.hasUnknownKeys { return nil }
            reader.report(present.isEmpty ? "names no function" : "names \(present.count) functions",
                          fix: "write exactly one of sum, count, min or max, such as { sum: total }")
            return nil
        }
        guard let column = columnReader.name(fix: "write a legacy column name, or \"*\" for count") else { return nil }
        switch function {
        case "sum": return .sum(column)
        case "count": return .count(column)
        case "min": return .min(column)
        default: return .max(column)
        }
    }
}

extension SidePair {
    static func read(from reader: NodeReader) -> SidePair? {
        guard let map = reader.mapping(allowedKeys: ["legacy", "new"], fix: "write { legacy: issued_on, new: issue_date }") else {
            return nil
        }
        let legacy = map.required("legacy", example: "issued_on")?.name()
        let new = map.required("new", example: "issue_date")?.name()
        guard let legacy, let new else { return nil }
        return SidePair(legacy: legacy, new: new)
    }
}

extension LegacySummary {
    static func read(from reader: NodeReader, scope: AggregateScope?, groupBy: [String]) -> LegacySummary? {
        let fix = "write legacy_summary: { table: public.monthly_totals, group_by: [currency], value: total, date: month }"
        guard let map = reader.mapping(allowedKeys: ["table", "group_by", "value", "date"], fix: fix) else { return nil }
        let table = map.required("table", example: "public.monthly_totals")?.qualifiedName()
        let summaryGroupBy = map["group_by"]?.nameList(example: "[currency]") ?? []
        let value = map.required("value", example: "total")?.name()
        let date: String?
        if scope == .flow {
            date = map.required("date", example: "month (required when scope is flow)")?.name()
        } else {
            date = map["date"]?.name()
        }
        if summaryGroupBy.count != groupBy.count {
            let at = map["group_by"] ?? reader
            at.report("lists \(summaryGroupBy.count) column(s) but the aggregate's group_by lists \(groupBy.count)",
                      fix: "list the summary table's group columns in the same order as group_by")
        }
        guard let table, let value else { return nil }
        return LegacySummary(table: table, groupBy: summaryGroupBy, value: value, date: date)
    }
}

extension NodeReader {
    /// Reports `column` when it is not a key or mapped legacy column of `mapping`.
    fileprivate func checkLegacyColumn(_ column: String, of mapping: TableMapping, known: [String]) {
        guard !known.contains(column) else { return }
        let fix = Suggestion.closest(to: column, among: known).map { "did you mean '\($0)'?" }
            ?? "map it under tables[].columns, or use one of: \(known.joined(separator: ", "))"
        report("\(shown(column)) is not a key or mapped legacy column of table mapping '\(mapping.name)'", fix: fix)
    }
}
