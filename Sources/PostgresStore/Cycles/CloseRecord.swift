import ExactNumeric
import ParityModel
import ParityStore

/// Writes what a close recorded, inside its transaction: the cycle, its tables and statistics, findings, the ledger and
/// its category counts, baselines, aggregates, hidden state, rounding evidence, scopes and carried keys.
struct CloseRecord {
    let close: CycleClose
    let partition: KeyPartition

    func write(in transaction: StoreTransaction) throws {
        let cycle = close.cycle
        try transaction.execute("""
            INSERT INTO cycle (id, label, start_time, end_time, status, closed_at, keys_compared, unexplained_rate)
            VALUES (\(cycle.id), \(cycle.label), \(cycle.start), \(cycle.end), \(cycle.status.rawValue), \(cycle.closedAt), \(cycle.keysCompared),
                \(cycle.unexplainedRate))
            """)
        let paired = Dictionary(close.statistics.map { ($0.mapping, $0.paired) }, uniquingKeysWith: { _, last in last })
        for table in close.tables {
            try transaction.execute("""
                INSERT INTO cycle_table (cycle, mapping, compared, matched, findings_by_kind, paired)
                VALUES (\(cycle.id), \(table.mapping), \(table.compared), \(table.matched), \(RowJSON.counts(table.findingsByKind)), \(paired[table.mapping]))
                """)
        }
        try writeStatistics(cycle: cycle.id, in: transaction)
        try writeScopes(in: transaction)
        try writeFindings(cycle: cycle.id, in: transaction)
        try LedgerWrite(partition: partition).apply(cycle: cycle.id, close.differences, in: transaction)
        if let rules = close.ledgerRules {
            try transaction.execute("""
                INSERT INTO store_info (key, value) VALUES ('difference_rules', \(rules)) ON CONFLICT (key) DO UPDATE SET value = excluded.value
                """)
        }
        for mapping in close.baselines {
            try transaction.execute("""
                INSERT INTO mapping_baseline (mapping, cycle) VALUES (\(mapping), \(cycle.id)) ON CONFLICT (mapping) DO UPDATE SET cycle = excluded.cycle
                """)
        }
        try writeAggregates(cycle: cycle.id, in: transaction)
        try HiddenStateRecord(close: close).write(cycle: cycle.id, in: transaction)
        for evidence in close.rounding {
            let (kind, json) = try RoundingEvidenceColumns.encode(evidence.evidence)
            try transaction.execute("""
                INSERT INTO rounding_evidence (cycle, mapping, kind, column_name, side, evidence)
                VALUES (\(cycle.id), \(evidence.mapping), \(kind), \(evidence.column), \(evidence.side.rawValue), \(json))
                """)
        }
        var carried = BatchInsert(table: "carried_key", columns: ["part", "cycle", "mapping", "canonical_key"], tail: " ON CONFLICT DO NOTHING")
        for key in Set(close.carried) {
            try carried.append(
                [String(partition.part(of: key.canonicalKey)), String(cycle.id + 1), key.mapping, key.canonicalKey.rawValue], in: transaction)
        }
        try carried.flush(transaction)
    }

    private func writeFindings(cycle: Int64, in transaction: StoreTransaction) throws {
        var rows = BatchInsert(table: "finding", columns: [
            "part", "cycle", "seq", "mapping", "row_key", "column_name", "new_column", "kind", "legacy", "new", "disposition", "rule_note",
            "explanation", "attributed_to",
        ])
        for (seq, finding) in close.findings.enumerated() {
            let key = RowJSON.image(finding.key)
            try rows.append([
                String(partition.part(of: key)), String(cycle), String(seq), finding.mapping, key, finding.column, finding.newColumn,
                finding.kind.rawValue, finding.legacy, finding.new, finding.disposition?.rawValue, finding.ruleNote, finding.explanation,
                finding.attributedTo,
            ], in: transaction)
        }
        try rows.flush(transaction)
    }

    private func writeStatistics(cycle: Int64, in transaction: StoreTransaction) throws {
        var rows = BatchInsert(table: "column_statistics", columns: [
            "cycle", "mapping", "seq", "column_name", "new_column", "mismatched", "within_tolerance", "largest_difference",
        ])
        for mapping in close.statistics {
            for (seq, column) in mapping.columns.enumerated() {
                try rows.append([
                    String(cycle), mapping.mapping, String(seq), column.column, column.newColumn, String(column.mismatched),
                    String(column.withinTolerance), column.largestDifference?.description,
                ], in: transaction)
            }
        }
        try rows.flush(transaction)
    }

    private func writeScopes(in transaction: StoreTransaction) throws {
        for (mapping, values) in close.scopeKeys {
            try transaction.execute("DELETE FROM scope_key WHERE mapping = \(mapping)")
            var rows = BatchInsert(table: "scope_key", columns: ["mapping", "value"])
            for value in values { try rows.append([mapping, value.rawValue], in: transaction) }
            try rows.flush(transaction)
        }
        for share in close.scopes {
            try transaction.execute("""
                INSERT INTO cycle_scope (cycle, mapping, definition, digest, listed_keys, rows_total, rows_in_scope, out_of_scope, compared_all)
                VALUES (\(share.cycle), \(share.mapping), \(share.definition), \(share.digest), \(share.listedKeys), \(share.rows), \(share.inScope),
                    \(share.outOfScope), \(share.comparedAll))
                """)
        }
    }

    private func writeAggregates(cycle: Int64, in transaction: StoreTransaction) throws {
        var rows = BatchInsert(table: "aggregate_result", columns: [
            "cycle", "aggregate", "period", "group_key", "legacy", "new", "difference", "bridge", "unexplained", "unexplained_by_kind",
            "within_tolerance",
        ])
        for result in close.aggregates {
            try rows.append([
                String(cycle), result.aggregate, result.period, RowJSON.image(result.group), result.legacy?.description, result.new?.description,
                result.difference.description, Self.amountsText(result.bridge), result.unexplained.description,
                Self.amountsText(result.unexplainedByKind), result.withinTolerance ? "t" : "f",
            ], in: transaction)
        }
        try rows.flush(transaction)
    }

    /// Amounts by cause as `aggregate_result` keeps them: a JSON object of exact decimal text by cause name.
    private static func amountsText(_ amounts: [DifferenceCause: ExactDecimal]) -> String {
        RowJSON.image(Dictionary(uniqueKeysWithValues: amounts.map { ($0.key.rawValue, $0.value.description) }))
    }
}
