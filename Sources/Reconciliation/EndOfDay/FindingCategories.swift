import ParityModel

/// Groups findings into categories (mapping, column, kind, disposition) ranked by count.
public enum FindingCategories {
    /// The categories of `items`, largest first (ties by table, column, kind, disposition), each with at most `sample` keys.
    public static func rank(_ items: [Finding], sample: Int = 5) -> [EndOfDayReport.Category] {
        var order: [String] = []
        var categories: [String: EndOfDayReport.Category] = [:]
        for item in items {
            let id = [item.mapping, item.column ?? "", item.kind.rawValue, item.disposition?.rawValue ?? ""].joined(separator: "\u{1}")
            if categories[id] == nil {
                order.append(id)
                categories[id] = EndOfDayReport.Category(
                    table: item.mapping, column: item.column, kind: item.kind, disposition: item.disposition, count: 0, sampleKeys: [])
            }
            categories[id]!.count += 1
            if categories[id]!.sampleKeys.count < sample { categories[id]!.sampleKeys.append(item.keyText) }
        }
        return order.compactMap { categories[$0] }.sorted { first, second in
            (first.count, second.table, second.column ?? "", second.kind.rawValue, second.disposition?.rawValue ?? "")
                > (second.count, first.table, first.column ?? "", first.kind.rawValue, first.disposition?.rawValue ?? "")
        }
    }
}
