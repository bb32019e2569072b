import ExactNumeric
import Foundation
import ParityModel
import ParityStore
import PostgresClient

extension PostgresStore {
    /// The aggregate rows a closed cycle wrote (balances, and the flow days it changed), by aggregate, day and group.
    public func aggregateResults(cycle: Int64) throws(StoreError) -> [AggregateGroupResult] {
        try read { transaction in
            try transaction.rows("""
                SELECT * FROM aggregate_result WHERE cycle = \(cycle) ORDER BY aggregate COLLATE "C", period, group_key
                """).map(AggregateGroupResult.init(row:))
        }
    }

    /// The cycles that wrote a flow day in `[from, through]` (`YYYY-MM-DD`), in order.
    public func flowCycles(from: String, through: String) throws(StoreError) -> [Int64] {
        try read { transaction in
            try transaction.rows("""
                SELECT DISTINCT cycle FROM aggregate_result WHERE period <> '' AND period BETWEEN \(from) AND \(through) ORDER BY cycle
                """).map { try $0.int64("cycle") }
        }
    }

    /// Every flow day's latest value as of cycle `cycle` whose day lies in `[from, through]` (`YYYY-MM-DD`), by aggregate,
    /// day and group, with the cycle that wrote it.
    public func flowResults(asOf cycle: Int64, from: String, through: String) throws(StoreError) -> [(cycle: Int64, AggregateGroupResult)] {
        try read { transaction in
            try transaction.rows(Self.latestFlows(
                asOf: cycle, suffix: #" AND a.period BETWEEN $2 AND $3 ORDER BY a.aggregate COLLATE "C", a.period, a.group_key"#,
                binds: [from, through]))
                .map { (try $0.int64("cycle"), try AggregateGroupResult(row: $0)) }
        }
    }

    /// Flow rows that are the latest for their aggregate, day and group as of cycle `cycle` ($1), then `suffix` with
    /// `binds` from $2 on.
    static func latestFlows(asOf cycle: Int64, suffix: String, binds: [String?] = []) -> PostgresQuery {
        PostgresQuery(unsafeSQL: """
            SELECT a.* FROM aggregate_result AS a
            WHERE a.period <> '' AND a.cycle = (
                SELECT max(b.cycle) FROM aggregate_result AS b
                WHERE b.aggregate = a.aggregate AND b.period = a.period AND b.group_key = a.group_key AND b.cycle <= $1)
            """ + suffix, binds: [String(cycle)] + binds)
    }

    /// The rounding evidence a closed cycle recorded, by mapping, kind, column and side.
    public func roundingEvidence(cycle: Int64) throws(StoreError) -> [SubjectRoundingEvidence] {
        try read { transaction in
            try transaction.rows("""
                SELECT * FROM rounding_evidence WHERE cycle = \(cycle) ORDER BY mapping COLLATE "C", kind, column_name COLLATE "C", side
                """).map(Self.roundingEvidence(row:))
        }
    }

    /// A `rounding_evidence` row; throws ``UnknownStoredValue`` for a kind this Parity does not know or evidence it cannot read.
    private static func roundingEvidence(row: PostgresRow) throws -> SubjectRoundingEvidence {
        let evidence = try RoundingEvidenceColumns.decode(kind: row.text("kind"), json: row.text("evidence"))
        return SubjectRoundingEvidence(mapping: try row.text("mapping"), column: try row.text("column_name"), side: try row.vocabulary("side"),
                                       evidence: evidence)
    }
}

extension AggregateGroupResult {
    /// Reads an `aggregate_result` row (its `difference` and `unexplained` are derived, so not read back); throws
    /// ``UnknownStoredValue`` for an amount that is not a decimal or a cause this Parity does not know.
    init(row: PostgresRow) throws {
        try self.init(
            aggregate: row.text("aggregate"), period: row.text("period"), group: RowJSON.decodeImage(row.text("group_key")) ?? [:],
            legacy: row.optionalDecimal("legacy"), new: row.optionalDecimal("new"), bridge: row.amountsByCause("bridge"),
            unexplainedByKind: row.amountsByCause("unexplained_by_kind"), withinTolerance: row.bool("within_tolerance"))
    }
}

extension PostgresRow {
    /// The amounts by cause in `column` (a JSON object of decimal text by cause name).
    fileprivate func amountsByCause(_ column: String) throws -> [DifferenceCause: ExactDecimal] {
        var amounts: [DifferenceCause: ExactDecimal] = [:]
        for case (let name, let text?) in RowJSON.decodeImage(try self.text(column)) ?? [:] {
            guard let cause = DifferenceCause(rawValue: name) else {
                throw UnknownStoredValue(column: column, value: name, expected: "difference cause")
            }
            guard let amount = ExactDecimal(text) else { throw UnknownStoredValue(column: column, value: text, expected: "decimal") }
            amounts[cause] = amount
        }
        return amounts
    }
}
