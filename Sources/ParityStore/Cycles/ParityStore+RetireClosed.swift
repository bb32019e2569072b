import GRDB
import ParityModel

extension ParityStore {
    /// Retires into their summaries what the store keeps record by record of a cycle just closed: its `transaction_write`
    /// rows and its census samples. Only the open cycle's stay. The baseline's close retires nothing: its window lies
    /// inside the first calendar cycle's, whose close still reads them (its hidden-state audit).
    ///
    /// Each step is a store transaction of its own, moving its records and their summary together, so capture waits for
    /// one step at most and a retirement cut short loses nothing (the next close retires what is left).
    func retire(closed cycle: CycleRecord) throws(StoreError) {
        guard cycle.id > 0 else { return }
        for side in SourceSide.allCases {
            // Each step removes at least one record, so the loops end.
            while try write({ db in try Self.retireWrites(db, side: side, closed: cycle) }) {}
            while try write({ db in try Self.retireCensus(db, side: side, closed: cycle) }) {}
        }
    }

    /// Where a step of retirement ends: the `column` time of the last of the first `limit` records of `table` on `side`
    /// timed before `end`; nil when none is left.
    static func stepEnd(_ db: Database, _ table: String, _ column: String, side: SourceSide, before end: Int64, limit: Int) throws -> Int64? {
        try Int64.fetchOne(
            db, sql: """
                SELECT max(\(column)) FROM (SELECT \(column) FROM \(table) WHERE side = ? AND \(column) < ? ORDER BY \(column) LIMIT ?)
                """,
            arguments: [side, end, limit])
    }
}
