/// One table the soak maps on both sides: the pgbench tables (history given a key) and a bulk table.
struct SoakTable: Sendable {
    /// The mapping's name in the config and the store.
    let mapping: String
    /// The table's name in both databases (schema `public`).
    let table: String
    /// Its primary key columns.
    let key: [String]
    /// Its other columns.
    let columns: [String]

    /// Every mapped table: pgbench's four and `soak_bulk`.
    static let all = [
        SoakTable(mapping: "accounts", table: "pgbench_accounts", key: ["aid"], columns: ["bid", "abalance", "filler"]),
        SoakTable(mapping: "tellers", table: "pgbench_tellers", key: ["tid"], columns: ["bid", "tbalance", "filler"]),
        SoakTable(mapping: "branches", table: "pgbench_branches", key: ["bid"], columns: ["bbalance", "filler"]),
        SoakTable(mapping: "history", table: "pgbench_history", key: ["id"], columns: ["tid", "bid", "aid", "delta", "mtime", "filler"]),
        SoakTable(mapping: "bulk", table: "soak_bulk", key: ["id"], columns: ["batch", "n", "note"]),
    ]

    /// The mapping as one line of the config's `tables:` list.
    var yaml: String {
        let keys = key.joined(separator: ", ")
        let pairs = columns.map { "{ legacy: \($0), new: \($0) }" }.joined(separator: ", ")
        return "  - { name: \(mapping), legacy: public.\(table), new: public.\(table), key: { legacy: [\(keys)], new: [\(keys)] }, columns: [\(pairs)] }"
    }
}
