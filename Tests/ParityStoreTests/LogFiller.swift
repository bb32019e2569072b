import GRDB

/// Rows for the tests of the store's log: about 4 MB in a new table, a thousand pages of log.
enum LogFiller {
    static func fill(_ db: Database) throws {
        try db.execute(sql: "CREATE TABLE filler (payload BLOB)")
        try db.execute(sql: """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)
            INSERT INTO filler SELECT randomblob(4000) FROM n
            """)
    }
}
