import ParityModel
import Yams

extension CutoverScope {
    static let keys = ["legacy", "new", "table", "column", "source", "match"]

    /// `scope: "filter"`, `scope: { legacy: "…", new: "…" }` or `scope: { table: …, column: …, source: new, match: … }`.
    static func read(from reader: NodeReader) -> CutoverScope? {
        if case .scalar = reader.node {
            return reader.name(fix: "write a row filter such as \"tenant_id % 100 < 5\"").map(CutoverScope.filter)
        }
        let fix = "write scope: \"tenant_id % 100 < 5\", scope: { legacy: \"…\", new: \"…\" }"
            + " or scope: { table: public.migrated_customers, column: customer_id }"
        guard let map = reader.mapping(allowedKeys: keys, fix: fix) else { return nil }
        if map.contains("table") || map.contains("column") {
            if let side = ["legacy", "new"].first(where: map.contains), let at = map[side] {
                at.report("cannot be combined with a scope table", fix: "scope by a table of keys or by filters, not both")
                return nil
            }
            let table = map.required("table", example: "public.migrated_customers")?.qualifiedName()
            let column = map.required("column", example: "customer_id")?.name()
            let source = map["source"].map { $0.choice(SourceSide.self) } ?? .new
            let match = map["match"]?.name(fix: "write the mapping's legacy column whose values the table lists")
            guard let table, let column, let source else { return nil }
            return .keyTable(ScopeKeyTable(table: table, column: column, source: source, match: match))
        }
        for key in ["source", "match"] where map.contains(key) {
            map[key]?.report("applies only to a scope table", fix: "remove it, or add table: and column:")
        }
        let legacy = map.required("legacy", example: "\"tenant_id % 100 < 5\"")?.name(fix: "write the legacy row filter")
        let new = map.required("new", example: "\"tenant % 100 < 5\"")?.name(fix: "write the new row filter")
        guard let legacy, let new else { return nil }
        return .perSide(legacy: legacy, new: new)
    }
}
