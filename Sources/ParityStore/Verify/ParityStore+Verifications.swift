import GRDB
import ParityModel

extension ParityStore {
    /// Records a verification; returns its id.
    @discardableResult
    public func recordVerification(_ record: VerificationRecord) throws(StoreError) -> Int64 {
        try write { db in
            try db.execute(
                sql: "INSERT INTO verification (mode, checked_at, result, problems, sources, report) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [record.mode.rawValue, record.checkedAt, record.passed ? "pass" : "fail", record.problems,
                            RowJSON.key(record.sources.map(\.rawValue)), record.report])
            return db.lastInsertedRowID
        }
    }

    /// The latest verification of `mode`, if any.
    public func lastVerification(mode: VerificationRecord.Mode) throws(StoreError) -> VerificationRecord? {
        try read { db in
            try Row.fetchOne(
                db, sql: "SELECT * FROM verification WHERE mode = ? ORDER BY checked_at DESC, id DESC LIMIT 1", arguments: [mode.rawValue]
            ).map { row in
                try VerificationRecord(
                    id: row["id"], mode: mode, checkedAt: row["checked_at"], passed: row["result"] == "pass", problems: row["problems"],
                    sources: row.decoded("sources", "source sides", RowJSON.decodeSides),
                    report: row["report"])
            }
        }
    }
}
