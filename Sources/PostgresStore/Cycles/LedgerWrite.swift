import ParityModel
import ParityStore

/// Writes the open-differences ledger (`difference`) inside a cycle's closing transaction, and the open counts per
/// category as it then stands (`category_open`).
struct LedgerWrite {
    let partition: KeyPartition

    /// Applies `verdicts` of cycle `cycle`: each finding opens or refreshes its key-column; every other open difference of
    /// a key with a verdict is resolved by the cycle.
    func apply(cycle: Int64, _ verdicts: [DifferenceVerdict], in transaction: StoreTransaction) throws {
        for verdict in verdicts {
            let part = partition.part(of: verdict.canonicalKey)
            var columns: [String?] = []
            for finding in verdict.findings {
                let column = finding.column ?? ""
                columns.append(column)
                try transaction.execute("""
                    INSERT INTO difference AS d (part, mapping, canonical_key, column_name, row_key, new_column, kind, legacy, new, explanation,
                                                 disposition, rule_note, first_seen, last_seen, resolved_cycle)
                    VALUES (\(part), \(verdict.mapping), \(verdict.canonicalKey.rawValue), \(column), \(RowJSON.image(finding.key)), \(finding.newColumn),
                        \(finding.kind.rawValue), \(finding.legacy), \(finding.new), \(finding.explanation), \(finding.disposition?.rawValue),
                        \(finding.ruleNote), \(cycle), \(cycle), NULL)
                    ON CONFLICT (part, mapping, canonical_key, column_name) DO UPDATE SET
                        row_key = excluded.row_key, new_column = excluded.new_column, kind = excluded.kind, legacy = excluded.legacy,
                        new = excluded.new, explanation = excluded.explanation, disposition = excluded.disposition,
                        rule_note = excluded.rule_note, last_seen = excluded.last_seen,
                        first_seen = CASE WHEN d.resolved_cycle IS NULL THEN d.first_seen ELSE excluded.first_seen END,
                        resolved_cycle = NULL
                    """)
            }
            try transaction.execute("""
                UPDATE difference SET resolved_cycle = \(cycle)
                WHERE part = \(part) AND mapping = \(verdict.mapping) AND canonical_key = \(verdict.canonicalKey.rawValue) AND resolved_cycle IS NULL
                    AND column_name <> ALL (ARRAY(SELECT jsonb_array_elements_text(\(RowJSON.key(columns))::jsonb)))
                """)
        }
        try transaction.execute("""
            INSERT INTO category_open (cycle, mapping, column_name, kind, open)
            SELECT \(cycle)::bigint, mapping, column_name, kind, count(*) FROM difference WHERE resolved_cycle IS NULL GROUP BY mapping, column_name, kind
            ON CONFLICT (cycle, mapping, column_name, kind) DO UPDATE SET open = excluded.open
            """)
    }
}
