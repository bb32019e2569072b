import GRDB
import ParityModel

/// Writes the open-differences ledger (`difference`, migration 014) inside a cycle's closing transaction.
enum DifferenceLedger {
    /// Applies `verdicts` of cycle `cycle`: each finding opens or refreshes its key-column; every other open
    /// difference of a key with a verdict is resolved by the cycle.
    static func apply(_ db: Database, cycle: Int64, _ verdicts: [DifferenceVerdict]) throws {
        let upsert = try db.makeStatement(sql: """
            INSERT INTO difference (mapping, canonical_key, column_name, row_key, new_column, kind, legacy, new, explanation,
                                    disposition, rule_note, first_seen, last_seen, resolved_cycle)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)
            ON CONFLICT (mapping, canonical_key, column_name) DO UPDATE SET
                row_key = excluded.row_key, new_column = excluded.new_column, kind = excluded.kind, legacy = excluded.legacy,
                new = excluded.new, explanation = excluded.explanation, disposition = excluded.disposition,
                rule_note = excluded.rule_note, last_seen = excluded.last_seen,
                first_seen = CASE WHEN difference.resolved_cycle IS NULL THEN difference.first_seen ELSE excluded.first_seen END,
                resolved_cycle = NULL
            """)
        let resolve = try db.makeStatement(sql: """
            UPDATE difference SET resolved_cycle = ?
            WHERE mapping = ? AND canonical_key = ? AND resolved_cycle IS NULL AND column_name NOT IN (SELECT value FROM json_each(?))
            """)
        for verdict in verdicts {
            var columns: [String?] = []
            for finding in verdict.findings {
                let column = finding.column ?? ""
                columns.append(column)
                try upsert.execute(arguments: [
                    verdict.mapping, verdict.canonicalKey, column, RowJSON.image(finding.key), finding.newColumn, finding.kind,
                    finding.legacy, finding.new, finding.explanation, finding.disposition, finding.ruleNote, cycle, cycle,
                ])
            }
            try resolve.execute(arguments: [cycle, verdict.mapping, verdict.canonicalKey, RowJSON.key(columns)])
        }
    }

    /// The canonical keys of `mapping` with an open difference, in store key order.
    static func openKeys(_ db: Database, mapping: String) throws -> [CanonicalKey] {
        try CanonicalKey.fetchAll(
            db, sql: "SELECT DISTINCT canonical_key FROM difference WHERE mapping = ? AND resolved_cycle IS NULL ORDER BY canonical_key",
            arguments: [mapping])
    }
}
