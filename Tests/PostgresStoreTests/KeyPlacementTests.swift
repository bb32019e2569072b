import Foundation
import ParityModel
import ParityStore
import ParityTestSupport
import PostgresClient
@testable import PostgresStore
import Testing

/// A mapping with key normalizers placed by its canonical key (migration 007): a key's rows and changes on both sides in
/// one part, so that a close task compares the mapping over its parts.
@Suite("PostgreSQL store: keys placed by their canonical form")
struct KeyPlacementTests {
    static let normalizers: [KeyNormalizer] = [.trim, .stripPrefix("INV-"), .stripLeadingZeros]

    /// `invoices` keys: legacy `INV-0007`, new `7`.
    static func legacyKey(_ number: Int) -> String { RowJSON.key([String(format: "INV-%04d", number)]) }
    static func newKey(_ number: Int) -> String { RowJSON.key([String(number)]) }

    static func change(_ operation: CapturedChange.Operation, _ key: String, oldKey: String? = nil) -> CapturedChange {
        CapturedChange(
            table: "public.invoices", mapping: "invoices", operation: operation, key: [key], oldKey: oldKey.map { [$0] },
            values: ["id": .value(key), "amount": .value("1.00")])
    }

    static func initialize(_ store: PostgresStore) throws {
        for side in SourceSide.allCases {
            try store.recordInitialized(SourceRecord(
                side: side, slot: "parity_\(side.rawValue)", publications: ["parity_\(side.rawValue)"],
                systemIdentifier: "7300000000000000001", database: side.rawValue, consistentPoint: 100, checkpointLSN: 100, watermark: 0,
                initializedAt: 1))
        }
    }

    static func insertBaseline(_ store: PostgresStore, numbers: ClosedRange<Int>) throws {
        for side in SourceSide.allCases {
            let key = side == .legacy ? legacyKey : newKey
            try store.insertBaseline(
                side: side, mapping: "invoices",
                rows: numbers.map { (key: RowJSON.decodeKey(key($0)) ?? [], values: ["id": RowJSON.decodeKey(key($0))?.first ?? nil]) },
                lsn: 100)
        }
    }

    @Test("a key's rows and changes on both sides share the part of its canonical key; each task reads both sides of its keys")
    func bothSidesInOnePart() throws {
        let test = try TestStore(partitions: 64)
        try Self.initialize(test.store)
        #expect(try test.store.placeKeys(mapping: "invoices", normalizers: Self.normalizers) == Self.normalizers)
        #expect(try test.store.keyPlacements() == ["invoices": Self.normalizers])
        try Self.insertBaseline(test.store, numbers: 1...300)
        // Captured changes, and a streamed transaction's, land in their key's part too, a key change's old key in its own.
        try test.store.apply(ClosedFoldTests.transaction(200, at: 11, [Self.change(.update, "0042")]), side: .new)
        let moved = StagedChange(subxid: 300, change: Self.change(.update, "INV-0301", oldKey: "INV-0043"))
        try test.store.stage([moved], xid: 300, side: .legacy, restart: false)

        let connection = try test.database.connect()
        defer { connection.close() }
        let expected = { (key: String) -> Int in
            test.store.partitions.part(of: KeyPlacement.canonical(key, normalizers: Self.normalizers))
        }
        for table in ["row_state", "pending_change", "streamed_change"] {
            let rows = try connection.query(PostgresQuery(unsafeSQL: "SELECT part, row_key FROM \(table)")).rows
            #expect(!rows.isEmpty)
            for row in rows {
                let key = try row.decode(String.self, "row_key")
                #expect(try row.decode(Int.self, "part") == expected(key), "\(table) \(key)")
            }
        }
        let staged = try connection.query("SELECT old_part, old_key FROM streamed_change").singleRow()
        #expect(try staged.decode(Int.self, "old_part") == expected(try staged.decode(String.self, "old_key")))
        #expect(expected(Self.legacyKey(7)) == test.store.partitions.part(of: Self.newKey(7)), "INV-0007 goes where 7 goes")
        #expect((1...300).contains { expected(Self.legacyKey($0)) != test.store.partitions.part(of: Self.legacyKey($0)) },
                "placed by the row key, some keys' sides would part")
        try test.store.checkIntegrity()

        let plan = PartitionedCloseTests.plan()
        #expect(try test.store.planClose(plan) != nil)
        var read = 0
        while try test.store.runCloseTask(wait: false, { _, reader in
            let canonical = { (side: SourceSide) in
                try reader.keys(side: side, mapping: "invoices").map { KeyPlacement.canonical($0, normalizers: Self.normalizers) }
            }
            let legacy = try canonical(.legacy)
            let new = try canonical(.new)
            #expect(legacy.sorted() == new.sorted(), "a task reads both sides of each of its keys")
            read += legacy.count
            return ""
        }) {}
        #expect(read == 300)
    }

    @Test("a mapping holding rows keeps its placement; discarded on both sides it is placed anew; checked by the store's check; damaged, refused")
    func placementChangesOnlyWhenEmpty() throws {
        let test = try TestStore(partitions: 64)
        try Self.initialize(test.store)
        #expect(try test.store.placeKeys(mapping: "invoices", normalizers: Self.normalizers) == Self.normalizers)
        try Self.insertBaseline(test.store, numbers: 1...50)
        #expect(try test.store.placeKeys(mapping: "invoices", normalizers: [.trim]) == Self.normalizers, "rows keep their placement")
        #expect(try test.store.placeKeys(mapping: "invoices", normalizers: []) == Self.normalizers)

        try test.store.discardMapping("invoices", sides: [.new])
        #expect(try test.store.keyPlacements() == ["invoices": Self.normalizers], "the legacy side still holds keys")
        try test.store.discardMapping("invoices", sides: [.legacy])
        #expect(try test.store.keyPlacements().isEmpty)
        #expect(try test.store.placeKeys(mapping: "invoices", normalizers: [.upper]) == [.upper])
        #expect(try test.store.placeKeys(mapping: "invoices", normalizers: []) == [], "no rows: placed by the row key again")
        #expect(try test.store.keyPlacements().isEmpty)

        #expect(try test.store.placeKeys(mapping: "invoices", normalizers: Self.normalizers) == Self.normalizers)
        try Self.insertBaseline(test.store, numbers: 1...50)
        let connection = try test.database.connect()
        defer { connection.close() }
        try connection.execute(unsafeScript: "UPDATE key_placement SET normalizers = '[\"upper\"]'")
        let check = #expect(throws: StoreError.self) { try test.store.checkIntegrity() }
        #expect(check?.description.contains("rows are not in the part of their key") == true, "\(String(describing: check))")

        try connection.execute(unsafeScript: "UPDATE key_placement SET normalizers = '[\"title_case\"]'")
        let damaged = #expect(throws: StoreError.self) { try test.store.keyPlacements() }
        #expect(damaged?.code == .corrupt && damaged?.description.contains("mapping invoices") == true, "\(String(describing: damaged))")
        #expect(check?.fix?.contains("point store.url at a new database") == true && damaged?.fix == check?.fix, "a database's fix, not a file's")
    }
}
