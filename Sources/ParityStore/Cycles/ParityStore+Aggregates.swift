import ExactNumeric
import GRDB
import ParityModel

extension ParityStore {
    /// The aggregate rows a closed cycle wrote (balances, and the flow days it changed), by aggregate, day and group.
    public func aggregateResults(cycle: Int64) throws(StoreError) -> [AggregateGroupResult] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM aggregate_result WHERE cycle = ? ORDER BY aggregate, period, group_key", arguments: [cycle]
            ).map(AggregateGroupResult.init(row:))
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
    public func flowResults(asOf cycle: Int64, from: String, through: String) throws(StoreError) -> [(cycle: Int64, AggregateGroupResult)] {
        try read { db in
            try Row.fetchAll(db, sql: Self.latestFlowSQL + " AND a.period BETWEEN ? AND ? ORDER BY a.aggregate, a.period, a.group_key",
                             arguments: [cycle, from, through])
                .map { ($0["cycle"], try AggregateGroupResult(row: $0)) }
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
    public func roundingEvidence(cycle: Int64) throws(StoreError) -> [SubjectRoundingEvidence] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM rounding_evidence WHERE cycle = ? ORDER BY mapping, kind, column_name, side", arguments: [cycle]
            ).map(RoundingEvidenceColumns.decode)
        }
    }
}


extension AggregateGroupResult {
    /// Reads an `aggregate_result` row (its `difference` and `unexplained` are derived, so not read back); throws
    /// ``UnknownStoredValue`` for an amount that is not a decimal or a cause this Parity does not know.
    init(row: Row) throws {
        try self.init(
            aggregate: row["aggregate"], period: row["period"], group: RowJSON.decodeImage(row["group_key"]) ?? [:],
            legacy: row.optionalDecimal("legacy"), new: row.optionalDecimal("new"), bridge: row.amountsByCause("bridge"),
            unexplainedByKind: row.amountsByCause("unexplained_by_kind"), withinTolerance: row["within_tolerance"])
    }
}

extension Row {
    /// The amounts by cause in `column` (a JSON object of decimal text by cause name).
    fileprivate func amountsByCause(_ column: String) throws -> [DifferenceCause: ExactDecimal] {
        var amounts: [DifferenceCause: ExactDecimal] = [:]
        for case (let name, let text?) in RowJSON.decodeImage(self[column]) ?? [:] {
            guard let cause = DifferenceCause(rawValue: name) else {
                throw UnknownStoredValue(column: column, value: name, expected: "difference cause")
            }
            guard let amount = ExactDecimal(text) else { throw UnknownStoredValue(column: column, value: text, expected: "decimal") }
            amounts[cause] = amount
        }
        return amounts
    }
}
