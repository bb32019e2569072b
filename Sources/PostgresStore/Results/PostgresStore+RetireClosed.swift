import ParityModel
import ParityStore
import PostgresClient

extension PostgresStore {
    /// Retires into their summaries what the store keeps record by record of a cycle just closed: its `transaction_write`
    /// rows and its census samples. Only the open cycle's stay. The baseline's close retires nothing: its window lies
    /// inside the first calendar cycle's, whose close still reads them (its hidden-state audit).
    ///
    /// Each step is a store transaction of its own, moving its records and their summary together: a retirement cut short
    /// loses nothing (the next close retires what is left).
    func retire(closed cycle: CycleRecord) throws(StoreError) {
        guard cycle.id > 0 else { return }
        for side in SourceSide.allCases {
            // Each step removes at least one record, so the loops end.
            var more = true
            while more { more = try write { transaction in try Self.retireWrites(side: side, closed: cycle, in: transaction) } }
            more = true
            while more { more = try write(.snapshotWrite) { transaction in try Self.retireCensus(side: side, closed: cycle, in: transaction) } }
        }
    }

    /// Where a step of retirement ends: the `column` time of the last of the first `limit` records of `table` on `side`
    /// timed before `end`; nil when none is left.
    static func stepEnd(
        _ table: String, _ column: String, side: SourceSide, before end: Int64, limit: Int, in transaction: StoreTransaction
    ) throws -> Int64? {
        try transaction.value(PostgresQuery(
            unsafeSQL: """
                SELECT max(\(column)) FROM (SELECT \(column) FROM \(table) WHERE side = $1 AND \(column) < $2 ORDER BY \(column) LIMIT $3) AS step
                """,
            binds: [side.rawValue, String(end), String(limit)])).flatMap { Int64($0) }
    }
}
