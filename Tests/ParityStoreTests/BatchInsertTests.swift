import Foundation
import GRDB
@testable import ParityStore
import ParityTestSupport
import Testing

@Suite("Multi-row inserts")
struct BatchInsertTests {
    let scratch: ScratchDirectory

    init() throws {
        scratch = try ScratchDirectory("batch")
    }

    @Test("every row lands once, in order, whatever the count", arguments: [1, 13, 199, 200, 201, 451])
    func allRowsInOrder(count: Int) throws {
        let store = try ParityStore.open(path: scratch.file("parity.sqlite"))
        let rows = try store.write { db in
            try db.execute(sql: "CREATE TABLE t (n INTEGER NOT NULL, text TEXT)")
            var batch = BatchInsert(table: "t", columns: ["n", "text"])
            for n in 0..<count {
                try batch.append([n.databaseValue, n % 3 == 0 ? .null : "row \"\(n)\"".databaseValue], db: db)
            }
            try batch.flush(db)
            return try Row.fetchAll(db, sql: "SELECT n, text FROM t ORDER BY rowid")
        }
        #expect(rows.map { $0["n"] as Int } == Array(0..<count))
        #expect(rows.map { $0["text"] as String? } == (0..<count).map { $0 % 3 == 0 ? nil : "row \"\($0)\"" })
    }
}
