import Foundation
import GRDB
@testable import ParityStore
import ParityTestSupport
import Testing

@Suite("Checkpointing the log beside a close")
struct LogCheckpointTests {
    let scratch: ScratchDirectory
    let path: String

    init() throws {
        scratch = try ScratchDirectory("checkpoint")
        path = scratch.file("parity.sqlite")
    }

    private func fileSize() throws -> Int {
        try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
    }

    @Test("a commit without checkpointing leaves its pages in the log; the background checkpoint copies them into the file")
    func copies() throws {
        let store = try ParityStore.open(path: path)
        try store.write(checkpointing: false) { db in
            try db.execute(sql: "CREATE TABLE filler (payload BLOB)")
            try db.execute(sql: """
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)
                INSERT INTO filler SELECT randomblob(4000) FROM n
                """)
        }
        let before = try fileSize()
        #expect(before < 1_000_000)
        LogCheckpoint.start(path: path).wait()
        #expect(try fileSize() > before + 4_000_000)
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM filler") } == 1000)
    }
}
