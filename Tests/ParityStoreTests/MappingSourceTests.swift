import Foundation
import GRDB
import ParityModel
@testable import ParityStore
import ParityTestSupport
import Testing

/// A mapping copied after its source (`parity init --add`): capture applies only the changes its copy does not hold.
@Suite("Mappings copied after init")
struct MappingSourceTests {
    let store: ParityStore
    let scratch: ScratchDirectory

    init() throws {
        scratch = try ScratchDirectory("mapping-source")
        store = try ParityStore.open(path: scratch.file("parity.sqlite"))
        try store.recordInitialized(SourceRecord(
            side: .legacy, slot: "parity_legacy", publications: ["parity_legacy"], systemIdentifier: "7300000000000000001",
            database: "legacy", consistentPoint: 100, checkpointLSN: 100, watermark: 5, initializedAt: 1))
        try store.recordMappingCopied(MappingSource(
            side: .legacy, mapping: "orders", table: "public.orders", copiedAt: 100, snapshotTime: 5, initializedAt: 1))
        // customers is copied later, at position 500: its copy holds every transaction whose commit starts before 500.
        try store.insertBaseline(side: .legacy, mapping: "customers", rows: [(key: ["1"], values: ["id": "1", "name": "copied"])], lsn: 500)
        try store.recordMappingCopied(MappingSource(
            side: .legacy, mapping: "customers", table: "public.customers", copiedAt: 500, snapshotTime: 50, initializedAt: 60))
    }

    func insert(_ mapping: String, _ id: String, _ name: String) -> CapturedChange {
        CapturedChange(table: "public.\(mapping)", mapping: mapping, operation: .insert, key: [id], values: ["id": .value(id), "name": .value(name)])
    }

    func pending(_ mapping: String) throws -> [String] {
        try store.read { db in
            try String.fetchAll(db, sql: "SELECT row_key FROM pending_change WHERE mapping = ? ORDER BY commit_lsn", arguments: [mapping])
        }
    }

    @Test("a change committed before the copy's position is skipped, one at or after it applied; other mappings untouched")
    func skipsWhatTheCopyHolds() throws {
        try store.apply([
            CapturedTransaction(xid: 1, commitLSN: 492, endLSN: 499, commitTime: 40, changes: [insert("customers", "2", "before"), insert("orders", "7", "x")]),
            CapturedTransaction(xid: 2, commitLSN: 500, endLSN: 508, commitTime: 51, changes: [insert("customers", "3", "at")]),
            CapturedTransaction(xid: 3, commitLSN: 600, endLSN: 608, commitTime: 52, changes: [insert("customers", "4", "after")]),
        ], side: .legacy)
        #expect(try pending("customers") == [RowJSON.key(["3"]), RowJSON.key(["4"])])
        #expect(try pending("orders") == [RowJSON.key(["7"])])
        // The skipped change still counts as a write of its table (hidden-state analysis sees every write).
        let writes = try store.read { db in
            try Int.fetchOne(db, sql: "SELECT sum(inserts) FROM transaction_write WHERE table_name = 'public.customers'")
        }
        #expect(writes == 3)
    }

    @Test("a streamed transaction committed before the copy's position loses its changes of the mapping, not the others'")
    func streamedBeforeCopy() throws {
        try store.stage([
            StagedChange(subxid: 9, change: insert("customers", "5", "streamed")), StagedChange(subxid: 9, change: insert("orders", "8", "y")),
        ], xid: 9, side: .legacy, restart: true)
        #expect(try store.commitStreamed(StreamedCommitRecord(xid: 9, commitLSN: 480, endLSN: 488, commitTime: 45), side: .legacy) == 2)
        let images = try store.currentImages(side: .legacy, mapping: "customers")
        #expect(Set(images.keys) == [ExactText(RowJSON.key(["1"]))])
        #expect(try store.currentImages(side: .legacy, mapping: "orders")[ExactText(RowJSON.key(["8"]))] != nil)
    }

    @Test("discarding a mapping removes its rows, changes and judgements on that side and nothing of another mapping")
    func discard() throws {
        try store.apply(CapturedTransaction(xid: 3, commitLSN: 600, endLSN: 608, commitTime: 52, changes: [
            insert("customers", "4", "after"), insert("orders", "9", "z"),
        ]), side: .legacy)
        try store.write { db in
            try db.execute(sql: "INSERT INTO carried_key (mapping, canonical_key, cycle) VALUES ('customers', '[\"4\"]', 3)")
        }
        try store.discardMapping("customers", sides: [.legacy])
        #expect(try store.currentImages(side: .legacy, mapping: "customers").isEmpty)
        #expect(try store.currentImages(side: .legacy, mapping: "orders").count == 1)
        #expect(try store.mappingSources().map(\.mapping) == ["orders"])
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM carried_key") } == 0)
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT value FROM store_info WHERE key = 'row_state_rows'") } == 0)
    }
}
