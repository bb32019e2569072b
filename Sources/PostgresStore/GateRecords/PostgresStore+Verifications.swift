import ParityModel
import ParityStore

extension PostgresStore {
    /// Records a verification; returns its id.
    @discardableResult
    public func recordVerification(_ record: VerificationRecord) throws(StoreError) -> Int64 {
        try write { transaction in
            try insertedID(transaction.value("""
                INSERT INTO verification (mode, checked_at, result, problems, sources, report)
                VALUES (\(record.mode.rawValue), \(record.checkedAt), \(record.passed ? "pass" : "fail"), \(record.problems),
                    \(RowJSON.key(record.sources.map(\.rawValue))), \(record.report))
                RETURNING id
                """))
        }
    }

    /// The latest verification of `mode`, if any.
    public func lastVerification(mode: VerificationRecord.Mode) throws(StoreError) -> VerificationRecord? {
        try read { transaction in
            try transaction.row("""
                SELECT * FROM verification WHERE mode = \(mode.rawValue) ORDER BY checked_at DESC, id DESC LIMIT 1
                """).map { row in
                try VerificationRecord(
                    id: row.int64("id"), mode: mode, checkedAt: row.int64("checked_at"), passed: row.text("result") == "pass",
                    problems: row.int("problems"),
                    sources: row.decoded("sources", "source sides", RowJSON.decodeSides),
                    report: row.text("report"))
            }
        }
    }
}
