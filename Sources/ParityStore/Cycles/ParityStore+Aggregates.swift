import GRDB

extension ParityStore {
    /// The aggregate rows a closed cycle wrote (balances, and the flow days it changed), by aggregate, day and group.
    public func aggregateResults(cycle: Int64) throws(StoreError) -> [StoredAggregateResult] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM aggregate_result WHERE cycle = ? ORDER BY aggregate, period, group_key", arguments: [cycle]
            ).map(StoredAggregateResult.init(row:))
        }
    }

    /// The cycles that wrote a flow day in `[from, through]` (`YYYY-MM-DD`): those that reconciled rows dated then, in order.
    public func flowCycles(from: String, through: String) throws(StoreError) -> [Int64] {
        try read { db in
            try Int64.fetchAll(
                db, sql: "SELECT DISTINCT cycle FROM aggregate_result WHERE period <> '' AND period BETWEEN ? AND ? ORDER BY cycle",
                arguments: [from, through])
        }
    }

    /// Every flow day's latest value as of cycle `cycle` whose day lies in `[from, through]` (`YYYY-MM-DD`), by aggregate,
    /// day and group, with the cycle that wrote it.
    public func flowResults(asOf cycle: Int64, from: String, through: String) throws(StoreError) -> [(cycle: Int64, StoredAggregateResult)] {
        try read { db in
            try Row.fetchAll(db, sql: Self.latestFlowSQL + " AND a.period BETWEEN ? AND ? ORDER BY a.aggregate, a.period, a.group_key",
                             arguments: [cycle, from, through])
                .map { ($0["cycle"], StoredAggregateResult(row: $0)) }
        }
    }

    /// Flow rows that are the latest for their aggregate, day and group as of cycle `?`.
    static let latestFlowSQL = """
        SELECT a.* FROM aggregate_result a
        WHERE a.period <> '' AND a.cycle = (
            SELECT max(b.cycle) FROM aggregate_result b
            WHERE b.aggregate = a.aggregate AND b.period = a.period AND b.group_key = a.group_key AND b.cycle <= ?)
        """

    /// The rounding evidence a closed cycle recorded, by mapping, kind, column and side.
    public func roundingEvidence(cycle: Int64) throws(StoreError) -> [StoredRoundingEvidence] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM rounding_evidence WHERE cycle = ? ORDER BY mapping, kind, column_name, side", arguments: [cycle]
            ).map {
                try StoredRoundingEvidence(kind: $0["kind"], mapping: $0["mapping"], column: $0["column_name"], side: $0.vocabulary("side"), evidence: $0["evidence"])
            }
        }
    }
}

/// `rounding_evidence.kind` as its text (the column's CHECK allows no other value).
extension StoredRoundingEvidence.Kind: DatabaseValueConvertible {}

extension StoredAggregateResult {
    /// Reads an `aggregate_result` row.
    init(row: Row) {
        self.init(
            aggregate: row["aggregate"], period: row["period"], group: RowJSON.decodeImage(row["group_key"]) ?? [:], legacy: row["legacy"], new: row["new"],
            difference: row["difference"], bridge: Self.amounts(row["bridge"]), unexplained: row["unexplained"],
            unexplainedByKind: Self.amounts(row["unexplained_by_kind"]), withinTolerance: row["within_tolerance"])
    }

    private static func amounts(_ text: String) -> [String: String] {
        (RowJSON.decodeImage(text) ?? [:]).compactMapValues { $0 }
    }
}
