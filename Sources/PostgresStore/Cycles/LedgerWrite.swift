import ParityModel
import ParityStore
import PostgresClient

/// Writes the open-differences ledger (`difference`) inside a cycle's closing transaction, and the open counts per
/// category as it then stands (`category_open`). Verdicts go in a few thousand per statement, not one per key.
struct LedgerWrite {
    let partition: KeyPartition

    /// Verdicts whose resolution one statement carries (as one JSON parameter).
    static let verdictsPerStatement = 5_000

    /// Applies `verdicts` of cycle `cycle`: each finding opens or refreshes its key-column; every other open difference of
    /// a key with a verdict is resolved by the cycle.
    func apply(cycle: Int64, _ verdicts: [DifferenceVerdict], in transaction: StoreTransaction) throws {
        for start in stride(from: 0, to: verdicts.count, by: Self.verdictsPerStatement) {
            try resolve(cycle: cycle, verdicts[start..<min(start + Self.verdictsPerStatement, verdicts.count)], in: transaction)
        }
        try open(cycle: cycle, verdicts, in: transaction)
        try transaction.execute("""
            INSERT INTO category_open (cycle, mapping, column_name, kind, open)
            SELECT \(cycle)::bigint, mapping, column_name, kind, count(*) FROM difference WHERE resolved_cycle IS NULL GROUP BY mapping, column_name, kind
            ON CONFLICT (cycle, mapping, column_name, kind) DO UPDATE SET open = excluded.open
            """)
    }

    /// Resolves, for each verdict's key, the open differences of columns its findings do not name. It runs before
    /// ``open(cycle:_:in:)``, which touches only the columns findings name, so the two commute per key.
    private func resolve(cycle: Int64, _ verdicts: ArraySlice<DifferenceVerdict>, in transaction: StoreTransaction) throws {
        // A JSON array of [part, mapping, canonical key, the findings' columns as JSON text], one per verdict.
        let keys = "[" + verdicts.map { verdict in
            RowJSON.key([
                String(partition.part(of: verdict.canonicalKey)), verdict.mapping, verdict.canonicalKey.rawValue,
                RowJSON.key(verdict.findings.map { $0.column ?? "" }),
            ])
        }.joined(separator: ",") + "]"
        try transaction.execute("""
            UPDATE difference AS d SET resolved_cycle = \(cycle)
            FROM (SELECT (v->>0)::integer AS part, v->>1 AS mapping, v->>2 AS canonical_key, (v->>3)::jsonb AS columns
                  FROM jsonb_array_elements(\(keys)::jsonb) AS v) AS verdict
            WHERE d.part = verdict.part AND d.mapping = verdict.mapping AND d.canonical_key = verdict.canonical_key
                AND d.resolved_cycle IS NULL AND NOT verdict.columns ? d.column_name
            """)
    }

    /// Opens or refreshes each finding's key-column. A statement never names one key-column twice (PostgreSQL refuses
    /// that in one upsert): a repeat starts the next statement, so the later finding wins as it would row by row.
    private func open(cycle: Int64, _ verdicts: [DifferenceVerdict], in transaction: StoreTransaction) throws {
        var batch = BatchInsert(
            table: "difference AS d",
            columns: [
                "part", "mapping", "canonical_key", "column_name", "row_key", "new_column", "kind", "legacy", "new", "explanation",
                "disposition", "rule_note", "first_seen", "last_seen", "resolved_cycle",
            ],
            tail: """
                 ON CONFLICT (part, mapping, canonical_key, column_name) DO UPDATE SET
                    row_key = excluded.row_key, new_column = excluded.new_column, kind = excluded.kind, legacy = excluded.legacy,
                    new = excluded.new, explanation = excluded.explanation, disposition = excluded.disposition,
                    rule_note = excluded.rule_note, last_seen = excluded.last_seen,
                    first_seen = CASE WHEN d.resolved_cycle IS NULL THEN d.first_seen ELSE excluded.first_seen END,
                    resolved_cycle = NULL
                """)
        var pending: Set<[String]> = []
        let seen = String(cycle)
        for verdict in verdicts {
            let part = String(partition.part(of: verdict.canonicalKey))
            for finding in verdict.findings {
                let column = finding.column ?? ""
                if !pending.insert([part, verdict.mapping, verdict.canonicalKey.rawValue, column]).inserted {
                    try batch.flush(transaction)
                    pending = [[part, verdict.mapping, verdict.canonicalKey.rawValue, column]]
                }
                try batch.append(
                    [
                        part, verdict.mapping, verdict.canonicalKey.rawValue, column, RowJSON.image(finding.key), finding.newColumn,
                        finding.kind.rawValue, finding.legacy, finding.new, finding.explanation, finding.disposition?.rawValue,
                        finding.ruleNote, seen, seen, nil,
                    ], in: transaction)
            }
        }
        try batch.flush(transaction)
    }
}
