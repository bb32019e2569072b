import Foundation
import GRDB
@testable import ParityStore
import ParityModel
import ParityTestSupport
import Testing

@Suite("Store migrations")
struct MigrationTests {
    let scratch: ScratchDirectory
    let path: String

    init() throws {
        scratch = try ScratchDirectory("store")
        path = scratch.file("parity.sqlite")
    }

    @Test("a fresh store gets every migration, in order, in WAL mode")
    func fresh() throws {
        let store = try ParityStore.open(path: path)
        #expect(try store.appliedMigrations() == StoreMigrations.all.map(\.name))
        #expect(StoreMigrations.all.map(\.name) == StoreMigrations.all.map(\.name).sorted())
        #expect(StoreMigrations.all.first?.name == "001_store_info")
        let mode = try store.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        let created = try store.read { db in try String.fetchOne(db, sql: "SELECT value FROM store_info WHERE key = 'created_at'") }
        #expect(created != nil)
    }

    @Test("the writer commits without waiting for the disk until made durable; no connection rewrites freed pages as zeros")
    func connectionSettings() throws {
        let store = try ParityStore.open(path: path)
        let writer = try store.write(Self.settings)
        #expect(writer.synchronous == 1)  // NORMAL: capture makes what it confirms durable (makeDurable)
        #expect(writer.secureDelete == 2)  // FAST
        #expect(try store.read(Self.settings).secureDelete == 2)
        try store.makeDurable()
        #expect(try store.write(Self.settings).synchronous == 1)  // back to NORMAL after the durable commit
        let synced = try store.read { db in try Int64.fetchOne(db, sql: "SELECT value FROM store_info WHERE key = 'durable_at'") }
        #expect(synced != nil)
    }

    private static func settings(_ db: Database) throws -> (synchronous: Int?, secureDelete: Int?) {
        (try Int.fetchOne(db, sql: "PRAGMA synchronous"), try Int.fetchOne(db, sql: "PRAGMA secure_delete"))
    }

    @Test("re-opening applies nothing twice")
    func rerun() throws {
        let first = try ParityStore.open(path: path)
        let created = try first.read { db in try String.fetchOne(db, sql: "SELECT value FROM store_info WHERE key = 'created_at'") }
        let second = try ParityStore.open(path: path)
        #expect(try second.appliedMigrations() == StoreMigrations.all.map(\.name))
        let keys = try second.read { db in try String.fetchAll(db, sql: "SELECT key FROM store_info ORDER BY key") }
        #expect(keys == ["created_at", "row_state_rows"])
        #expect(try second.read { db in try String.fetchOne(db, sql: "SELECT value FROM store_info WHERE key = 'created_at'") } == created)
    }

    @Test("a store written by a newer Parity is refused with a clear error")
    func newerSchemaRefused() throws {
        _ = try ParityStore.open(path: path)
        let queue = try DatabaseQueue.other(path)
        try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('999_from_the_future')") }
        try queue.close()
        let error = #expect(throws: StoreError.self) { _ = try ParityStore.open(path: path) }
        #expect(error?.code == .newerSchema)
        #expect(error?.description.contains("999_from_the_future") == true)
        #expect(error?.description.contains(path) == true)
    }

    @Test("011 rewrites the images already stored by position, every table, every value exactly")
    func positionalImages() throws {
        let queue = try DatabaseQueue(path: path)
        try StoreMigrations.migrator().migrate(queue, upTo: "010_row_delta_folded_by")
        let image = #"{"amount":"12.50","id":"7","note":"a \"b\"\\ é\n\u0001"}"#
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO row_state VALUES ('legacy', 'orders', '["7"]', ?, 0, 1), ('legacy', 'orders', '["8"]', '{}', 0, 1);
                INSERT INTO row_delta VALUES ('legacy', 'orders', '["9"]', NULL, 5, 5, 1), ('new', 'orders', '["7"]', '{"id":"7"}', 5, 5, 1);
                INSERT INTO pending_change VALUES ('new', 10, 0, 'orders', 1, 5, 'update', '["7"]', NULL, '{"id":"7","note":null}');
                INSERT INTO streamed_transaction VALUES (1, 'new', 2, NULL, NULL);
                INSERT INTO streamed_change VALUES (1, 0, 2, 'orders', 'public.orders', 'update', '["7"]', NULL, '{"amount":"1"}', '["note"]');
                """, arguments: [image])
        }
        try queue.close()
        let store = try ParityStore.open(path: path)
        let stored = try store.read { db in
            try String.fetchAll(db, sql: """
                SELECT row_values FROM row_state UNION ALL SELECT coalesce(row_values, 'deleted') FROM row_delta
                UNION ALL SELECT row_values FROM pending_change UNION ALL SELECT row_values FROM streamed_change
                """)
        }
        #expect(stored.allSatisfy { $0 == "deleted" || RowJSONDecoder.positional($0) != nil })
        let decoded = try store.read { db in try stored.map { $0 == "deleted" ? nil : try store.layouts.decode($0, key: "[\"1\"]", db) } }
        #expect(decoded == [
            ["amount": "12.50", "id": "7", "note": "a \"b\"\\ é\n\u{1}"], [:], nil, ["id": "7"], ["id": "7", "note": nil], ["amount": "1"],
        ])
        let layouts = try store.read { db in try String.fetchAll(db, sql: "SELECT columns FROM image_layout ORDER BY id") }
        #expect(layouts == [#"["amount","id","note"]"#, #"["amount"]"#, #"["id","note"]"#, #"["id"]"#, "[]"])
    }

    @Test("a store with findings from before the ledger is marked for a rebuild by its next close; a store without any is not")
    func ledgerRebuildMark() throws {
        let queue = try DatabaseQueue(path: path)
        try StoreMigrations.migrator().migrate(queue, upTo: "013_key_change_index")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO cycle VALUES (0, 'baseline', 0, 0, 'closed', 0, 1, '1');
                INSERT INTO finding (cycle, seq, mapping, row_key, column_name, new_column, kind, legacy, new)
                VALUES (0, 0, 'orders', '{"id":"7"}', 'status', 'state', 'value_mismatch', 'O', 'paid');
                """)
        }
        try queue.close()
        let store = try ParityStore.open(path: path)
        #expect(try store.read { try StoreInfo.get($0, "difference_rebuild") } == "1")
        #expect(try store.differences().isEmpty, "nothing is guessed from old findings")

        let fresh = try ScratchDirectory("store")
        let empty = try ParityStore.open(path: fresh.file("parity.sqlite"))
        #expect(try empty.read { try StoreInfo.get($0, "difference_rebuild") } == nil)
    }

    @Test("016 records every mapping a store from before holds as copied with its source, and the baseline as its first comparison")
    func mappingSourcesOfAnOlderStore() throws {
        let queue = try DatabaseQueue(path: path)
        try StoreMigrations.migrator().migrate(queue, upTo: "015_verification")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO source_state (side, slot, publications, system_identifier, database, consistent_point, checkpoint_lsn,
                                          watermark, initialized_at)
                VALUES ('legacy', 's', '[]', '1', 'legacy', 100, 100, 5, 7), ('new', 's', '[]', '2', 'modern', 200, 200, 5, 8);
                INSERT INTO row_state VALUES ('legacy', 'orders', '["1"]', '[]', 0, 100);
                INSERT INTO cycle VALUES (0, 'baseline', 0, 0, 'closed', 0, 1, '0');
                INSERT INTO cycle_table VALUES (0, 'orders', 1, 1, '{}'), (0, 'empty', 0, 0, '{}');
                """)
        }
        try queue.close()
        let store = try ParityStore.open(path: path)
        let sources = try store.mappingSources()
        #expect(sources.map { "\($0.side) \($0.mapping) \($0.copiedAt)" } == [
            "legacy empty 100", "legacy orders 100", "new empty 200", "new orders 200",
        ])
        #expect(try store.mappingBaselines() == ["empty": 0, "orders": 0])
    }

    @Test("023 gives rounding evidence its kind: a row kept under a 'total: ' column name is a total's, named by what was summed")
    func roundingEvidenceKind() throws {
        let queue = try DatabaseQueue(path: path)
        try StoreMigrations.migrator().migrate(queue, upTo: "022_contract_export")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO cycle VALUES (0, 'baseline', 0, 0, 'closed', 0, 1, '0');
                INSERT INTO rounding_evidence VALUES
                    (0, 'invoices', 'total: total = Σ invoice_lines.amount', 'legacy', '{"per_line":3}'),
                    (0, 'invoices', 'total', 'new', '{"rows":2}'),
                    (0, 'invoices', 'Total: x', 'new', '{"rows":1}');
                """)
        }
        try queue.close()
        let store = try ParityStore.open(path: path)
        #expect(try store.roundingEvidence(cycle: 0).map(Self.describe) == [
            "invoices column Total: x new rows 1", "invoices column total new rows 2",
            "invoices total total = Σ invoice_lines.amount legacy per_line 3",
        ])
        // The kind is in the key and defaults to a column: a column may be named as a total's sum.
        try store.write { db in
            try db.execute(sql: """
                INSERT INTO rounding_evidence (cycle, mapping, column_name, side, evidence)
                VALUES (0, 'invoices', 'total = Σ invoice_lines.amount', 'legacy', '{}')
                """)
        }
        #expect(try store.roundingEvidence(cycle: 0).map { "\(Self.kind($0)) \($0.column)" } == [
            "column Total: x", "column total", "column total = Σ invoice_lines.amount", "total total = Σ invoice_lines.amount",
        ])
    }

    /// `column` or `total`.
    private static func kind(_ stored: SubjectRoundingEvidence) -> String {
        if case .total = stored.evidence { return "total" }
        return "column"
    }

    /// `mapping kind column side` and the evidence's first count.
    private static func describe(_ stored: SubjectRoundingEvidence) -> String {
        switch stored.evidence {
        case .column(let evidence): "\(stored.mapping) column \(stored.column) \(stored.side) rows \(evidence.rows)"
        case .total(let evidence): "\(stored.mapping) total \(stored.column) \(stored.side) per_line \(evidence.perLine)"
        }
    }

    @Test("a store that cannot be created says where and what to check")
    func unwritable() {
        let error = #expect(throws: StoreError.self) { _ = try ParityStore.open(path: "/proc/parity/store.sqlite") }
        #expect(error?.code == .cannotOpen)
        #expect(error?.description.contains("store.path") == true)
    }
}
