import GRDB
import ParityModel

extension ParityStore {
    /// Retires `side`'s `transaction_write` rows committed before the end of `cycle` (just closed) into their summaries
    /// (``TransactionWriteSummary``): one step, up to ``TransactionWriteSummary/rowsPerStep`` rows and every other row of
    /// their last commit time (whole transactions); false when none is left. The rows are grouped in SQL: by table (those
    /// committed where the same windows hold them together, others by commit time), and by transaction into signatures.
    static func retireWrites(_ db: Database, side: SourceSide, closed cycle: CycleRecord) throws -> Bool {
        guard let through = try stepEnd(db, "transaction_write", "commit_time", side: side, before: cycle.end, limit: TransactionWriteSummary.rowsPerStep)
        else { return false }
        var summary = TransactionWriteSummary(cycles: try Row.fetchAll(db, sql: "SELECT * FROM cycle").map(CycleRecord.init(row:)))
        let tables = try Row.fetchCursor(
            db, sql: """
                SELECT table_name, min(commit_time, :same) AS committed, sum(inserts + updates + deletes + truncates) AS written
                FROM transaction_write WHERE side = :side AND commit_time <= :through GROUP BY table_name, committed
                """,
            arguments: ["side": side, "through": through, "same": summary.windows.sameWindows(before: cycle.end)])
        while let row = try tables.next() {
            summary.add(rows: row["written"], table: ExactText(row["table_name"] as String), committedAt: row["committed"])
        }
        let transactions = try Row.fetchCursor(
            db, sql: """
                SELECT signature, count(*) AS transactions, min(commit_time) AS first_commit FROM (
                    SELECT min(commit_time) AS commit_time,
                        json_group_array(json_array(table_name, inserts, updates, deletes, truncates)) AS signature
                    FROM transaction_write WHERE side = ? AND commit_time <= ? GROUP BY commit_lsn)
                GROUP BY signature
                """,
            arguments: [side, through])
        while let row = try transactions.next() {
            summary.add(
                transactions: row["transactions"], signature: try row.decoded("signature", "JSON array of table writes", WriteSignature.init(json:)),
                firstCommit: row["first_commit"])
        }
        try db.execute(sql: "DELETE FROM transaction_write WHERE side = ? AND commit_time <= ?", arguments: [side, through])
        for (key, written) in summary.cycleRows {
            try db.execute(
                sql: """
                    INSERT INTO cycle_table_write (side, cycle, table_name, written) VALUES (?, ?, ?, ?)
                    ON CONFLICT (side, cycle, table_name) DO UPDATE SET written = cycle_table_write.written + excluded.written
                    """,
                arguments: [side, key.cycle, key.table.rawValue, written])
        }
        let known = try Row.fetchAll(
            db, sql: "SELECT signature, table_name, inserts, updates, deletes, truncates FROM write_signature_table WHERE side = ?",
            arguments: [side]
        ).map { row in (id: row["signature"] as Int64, write: TableWrite(row: row)) }
        for write in summary.signatureWrites(known: TransactionWriteSummary.knownSignatures(known)) {
            guard write.isNew else {
                try db.execute(
                    sql: "UPDATE write_signature SET transactions = transactions + ?, first_commit = min(first_commit, ?) WHERE side = ? AND id = ?",
                    arguments: [write.count.transactions, write.count.firstCommit, side, write.id])
                continue
            }
            try db.execute(
                sql: "INSERT INTO write_signature (side, id, transactions, first_commit) VALUES (?, ?, ?, ?)",
                arguments: [side, write.id, write.count.transactions, write.count.firstCommit])
            for table in write.signature.tables {
                try db.execute(
                    sql: """
                        INSERT INTO write_signature_table (side, signature, table_name, inserts, updates, deletes, truncates)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [side, write.id, table.table.rawValue, table.inserts, table.updates, table.deletes, table.truncates])
            }
        }
        return true
    }
}

extension TableWrite {
    /// The table and counts of a `write_signature_table` row.
    init(row: Row) {
        self.init(
            table: ExactText(row["table_name"] as String), inserts: row["inserts"], updates: row["updates"], deletes: row["deletes"],
            truncates: row["truncates"])
    }
}
