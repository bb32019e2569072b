import ExactNumeric
import Foundation
import GRDB
import ParityModel

extension ParityStore {
    /// Closes cycle `id`: the pending changes committed before `end` are folded into row state and dropped
    /// from pending, `compare` reads the state as of `end` and says what to record, and the cycle, its tables,
    /// findings and carried keys are written.
    ///
    /// `end` nil (the baseline) folds nothing. The changes are folded into the row delta (`CycleFold`) by a
    /// transaction of its own, which marks the cycle folded (`folded_cycle` in store_info); the comparison and
    /// the record follow in a second one, which clears the mark, and whose commit checkpoints the log of both
    /// (`GuardedCheckpoint`). A close cut short between the two (a crash, a
    /// failed comparison) leaves the mark, and the next close of the cycle compares what was folded without
    /// folding again. When `merge` says the delta has grown large enough, it is merged into row state
    /// afterwards, part by part in store transactions of their own: a merge cut short loses nothing, and
    /// capture's writes wait for one part at most. Then the closed cycle's `transaction_write` rows and census samples
    /// are retired into their summaries (``retire(closed:)``).
    /// Returns nil, recording nothing, when cycle `id` is already closed.
    @discardableResult
    public func closeCycle(
        id: Int64, foldBefore end: Int64?, merge: DeltaMergePolicy, _ compare: (any CycleStateReader) throws -> CycleClose
    ) throws(StoreError) -> CycleRecord? {
        guard let folded = try fold(cycle: id, before: end) else { return nil }
        let (record, mergeDue) = try write { db -> (CycleRecord?, Bool) in
            guard try !Self.isClosed(db, cycle: id) else { return (nil, false) }
            return try db.withLargePageCache {
                let close = try compare(SQLiteCycleStateReader(db: db, layouts: layouts, cycle: id, folded: folded))
                try FoldedKeys.drop(db)
                let mergeDue = try folded != .none && RowDelta.isMergeDue(db, policy: merge)
                try Self.record(db, close)
                try StoreInfo.remove(db, "folded_cycle")
                return (close.cycle, mergeDue)
            }
        }
        // Each part removes at least one delta row, so the loop ends.
        var remaining = mergeDue
        while remaining {
            remaining = try write { db in try db.withLargePageCache { try RowDelta.mergePart(db, rows: merge.rowsPerTransaction) } }
        }
        if let record { try retire(closed: record) }
        return record
    }

    /// Closes cycle `id` (``closeCycle(id:foldBefore:merge:_:)``), merging the delta under the standard policy.
    @discardableResult
    public func closeCycle(
        id: Int64, foldBefore end: Int64?, _ compare: (any CycleStateReader) throws -> CycleClose
    ) throws(StoreError) -> CycleRecord? {
        try closeCycle(id: id, foldBefore: end, merge: .standard, compare)
    }

    /// Folds cycle `id`'s changes and marks it folded, in a transaction whose commit does not checkpoint (the
    /// comparison's does). Returns nil when the cycle is closed already, and
    /// for a cycle an earlier close folded, that its keys are found by reading the delta.
    private func fold(cycle id: Int64, before end: Int64?) throws(StoreError) -> FoldedKeys? {
        try write(checkpointing: false) { db -> FoldedKeys? in
            guard try !Self.isClosed(db, cycle: id) else { return nil }
            if try StoreInfo.get(db, "folded_cycle") == String(id) { return .unlisted }
            guard let end else { return FoldedKeys.none }
            let folded = try db.withLargePageCache { try CycleFold.apply(db, cycle: id, before: end) }
            try StoreInfo.set(db, "folded_cycle", String(id))
            return folded
        }
    }

    private static func isClosed(_ db: Database, cycle id: Int64) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM cycle WHERE id = ?)", arguments: [id]) ?? false
    }

    private static func record(_ db: Database, _ close: CycleClose) throws {
        let cycle = close.cycle
        try db.execute(
            sql: """
                INSERT INTO cycle (id, label, start_time, end_time, status, closed_at, keys_compared, unexplained_rate)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [cycle.id, cycle.label, cycle.start, cycle.end, cycle.status, cycle.closedAt, cycle.keysCompared,
                        cycle.unexplainedRate])
        for table in close.tables {
            try db.execute(
                sql: "INSERT INTO cycle_table (cycle, mapping, compared, matched, findings_by_kind) VALUES (?, ?, ?, ?, ?)",
                arguments: [cycle.id, table.mapping, table.compared, table.matched, RowJSON.counts(table.findingsByKind)])
        }
        try recordStatistics(db, cycle: cycle.id, close.statistics)
        try recordScopes(db, close.scopes, keys: close.scopeKeys)
        let insertFinding = try db.makeStatement(sql: """
            INSERT INTO finding (cycle, seq, mapping, row_key, column_name, new_column, kind, legacy, new, disposition, rule_note,
                                 explanation, attributed_to)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (seq, finding) in close.findings.enumerated() {
            try insertFinding.execute(arguments: [
                cycle.id, seq, finding.mapping, RowJSON.image(finding.key), finding.column, finding.newColumn, finding.kind,
                finding.legacy, finding.new, finding.disposition, finding.ruleNote, finding.explanation, finding.attributedTo,
            ])
        }
        try DifferenceLedger.apply(db, cycle: cycle.id, close.differences)
        try CategoryCounts.record(db, cycle: cycle.id)
        try StoreInfo.remove(db, "difference_rebuild")
        if let rules = close.ledgerRules { try StoreInfo.set(db, "difference_rules", rules) }
        for mapping in close.baselines {
            try db.execute(sql: "INSERT OR REPLACE INTO mapping_baseline (mapping, cycle) VALUES (?, ?)", arguments: [mapping, cycle.id])
        }
        try recordAggregates(db, cycle: cycle.id, close.aggregates)
        try recordHiddenState(db, cycle: cycle.id, close)
        for evidence in close.rounding {
            let (kind, json) = try RoundingEvidenceColumns.encode(evidence.evidence)
            try db.execute(
                sql: "INSERT INTO rounding_evidence (cycle, mapping, kind, column_name, side, evidence) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [cycle.id, evidence.mapping, kind, evidence.column, evidence.side, json])
        }
        for carried in close.carried {
            try db.execute(
                sql: "INSERT OR IGNORE INTO carried_key (mapping, canonical_key, cycle) VALUES (?, ?, ?)",
                arguments: [carried.mapping, carried.canonicalKey, cycle.id + 1])
        }
    }

    private static func recordAggregates(_ db: Database, cycle: Int64, _ results: [AggregateGroupResult]) throws {
        let insert = try db.makeStatement(sql: """
            INSERT INTO aggregate_result (cycle, aggregate, period, group_key, legacy, new, difference, bridge, unexplained,
                                          unexplained_by_kind, within_tolerance)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for result in results {
            try insert.execute(arguments: [
                cycle, result.aggregate, result.period, RowJSON.image(result.group), result.legacy?.description,
                result.new?.description, result.difference.description, Self.amountsText(result.bridge), result.unexplained.description,
                Self.amountsText(result.unexplainedByKind), result.withinTolerance,
            ])
        }
    }

    /// Amounts by cause as the JSON object `aggregate_result` keeps (decimal text by cause name).
    private static func amountsText(_ amounts: [DifferenceCause: ExactDecimal]) -> String {
        RowJSON.image(Dictionary(uniqueKeysWithValues: amounts.map { ($0.key.rawValue, $0.value.description) }))
    }
}
