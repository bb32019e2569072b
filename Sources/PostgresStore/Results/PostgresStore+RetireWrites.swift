import ParityModel
import ParityStore
import PostgresClient

extension PostgresStore {
    /// Retires `side`'s `transaction_write` rows committed before the end of `cycle` (just closed) into their summaries
    /// (``TransactionWriteSummary``): one step, up to ``TransactionWriteSummary/rowsPerStep`` rows and every other row of
    /// their last commit time; false when none is left. It summarizes exactly the rows its `DELETE` removed, so a late
    /// transaction capture commits meanwhile is either retired whole or stays for the next close. The server groups the
    /// rows: by table (those committed where the same windows hold them together, others by commit time), and by
    /// transaction into signatures. Steps wait for each other (a lock on `write_signature`); readers go on.
    static func retireWrites(side: SourceSide, closed cycle: CycleRecord, in transaction: StoreTransaction) throws -> Bool {
        try transaction.execute("LOCK TABLE write_signature IN EXCLUSIVE MODE")
        guard let through = try stepEnd("transaction_write", "commit_time", side: side, before: cycle.end, limit: TransactionWriteSummary.rowsPerStep,
                                        in: transaction)
        else { return false }
        var summary = TransactionWriteSummary(cycles: try transaction.rows("SELECT * FROM cycle").map(CycleRecord.init(row:)))
        let groups = try transaction.rows("""
            WITH gone AS (
                DELETE FROM transaction_write WHERE side = \(side.rawValue) AND commit_time <= \(through)
                RETURNING commit_lsn, commit_time, table_name, inserts, updates, deletes, truncates),
            signed AS (
                SELECT min(commit_time) AS commit_time,
                    json_agg(json_build_array(table_name, inserts, updates, deletes, truncates) ORDER BY table_name COLLATE "C")::text AS signature
                FROM gone GROUP BY commit_lsn)
            SELECT signature, NULL AS table_name, count(*) AS n, min(commit_time) AS committed FROM signed GROUP BY signature
            UNION ALL
            SELECT NULL, table_name, sum(inserts + updates + deletes + truncates), least(commit_time, \(summary.windows.sameWindows(before: cycle.end))::bigint)
            FROM gone GROUP BY table_name, 4
            """)
        for group in groups {
            if let json: String = group["signature"] {
                guard let signature = WriteSignature(json: json) else {
                    throw UnknownStoredValue(column: "transaction_write", value: json, expected: "JSON array of table writes")
                }
                summary.add(transactions: try group.int("n"), signature: signature, firstCommit: try group.int64("committed"))
            } else {
                summary.add(rows: try group.int("n"), table: ExactText(try group.text("table_name")), committedAt: try group.int64("committed"))
            }
        }
        for (key, written) in summary.cycleRows {
            try transaction.execute("""
                INSERT INTO cycle_table_write (side, cycle, table_name, written) VALUES (\(side.rawValue), \(key.cycle), \(key.table.rawValue), \(written))
                ON CONFLICT (side, cycle, table_name) DO UPDATE SET written = cycle_table_write.written + excluded.written
                """)
        }
        let known = try transaction.rows("""
            SELECT signature, table_name, inserts, updates, deletes, truncates FROM write_signature_table WHERE side = \(side.rawValue)
            """).map { row in (id: try row.int64("signature"), write: try TableWrite(row: row)) }
        for write in summary.signatureWrites(known: TransactionWriteSummary.knownSignatures(known)) {
            guard write.isNew else {
                try transaction.execute("""
                    UPDATE write_signature SET transactions = transactions + \(write.count.transactions),
                        first_commit = least(first_commit, \(write.count.firstCommit))
                    WHERE side = \(side.rawValue) AND id = \(write.id)
                    """)
                continue
            }
            try transaction.execute("""
                INSERT INTO write_signature (side, id, transactions, first_commit)
                VALUES (\(side.rawValue), \(write.id), \(write.count.transactions), \(write.count.firstCommit))
                """)
            for table in write.signature.tables {
                try transaction.execute("""
                    INSERT INTO write_signature_table (side, signature, table_name, inserts, updates, deletes, truncates)
                    VALUES (\(side.rawValue), \(write.id), \(table.table.rawValue), \(table.inserts), \(table.updates), \(table.deletes),
                        \(table.truncates))
                    """)
            }
        }
        return true
    }
}

extension TableWrite {
    /// The table and counts of a `write_signature_table` row.
    init(row: PostgresRow) throws {
        self.init(
            table: ExactText(try row.text("table_name")), inserts: try row.int("inserts"), updates: try row.int("updates"),
            deletes: try row.int("deletes"), truncates: try row.int("truncates"))
    }
}
