import Foundation
import ParityConfig
import ParityModel
@testable import ParityEngine
import ParityStore
import ParityTestSupport
import PostgresClient
import SourceQueries
import Synchronization
import Testing

@Suite("parity init and teardown against real clusters")
struct InitTeardownTests {
    let scenario: CheckScenario
    let configuration: ParityConfiguration
    let store: ParityStore
    let scratch: ScratchDirectory

    init() throws {
        scenario = try CheckScenario()
        try scenario.legacy.run("""
            INSERT INTO orders VALUES (1, 'O', 10.50, '2026-11-20 09:00', NULL, 1), (2, 'P', 0.10, NULL, NULL, 1),
                                      (3, 'V', NULL, '2026-11-20 23:59:59.5', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 2);
            INSERT INTO audit_log VALUES (1, 'first');
            """, database: "legacy")
        try scenario.new.run("INSERT INTO sales.\"order\" VALUES (1, 'open', 10.500, '2026-11-20 17:00+00', NULL)", database: "modern")
        configuration = try scenario.configuration(scenario.yaml(ignore: "{ legacy: [row_version, ref] }"))
        scratch = try ScratchDirectory("init")
        store = try ParityStore.open(path: scratch.file("parity.sqlite"))
    }

    func slots(_ cluster: PostgresCluster, _ database: String) throws -> [String] {
        try cluster.connect(database: database).query("SELECT slot_name FROM pg_replication_slots ORDER BY 1").rows.compactMap { $0["slot_name"] }
    }

    /// The store's current `orders` images on `side` by key text (this test's keys are ASCII, so `String` keys merge none).
    func orders(_ side: SourceSide) throws -> [String: [String: String?]] {
        let images = try store.currentImages(side: side, mapping: "orders")
        return Dictionary(images.map { ($0.key.rawValue, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    /// The text of the first column of `sql`'s first row on `database`, in UTC: the value as a copy of it reads.
    func sourceText(_ cluster: PostgresCluster, _ database: String, _ sql: String) throws -> String? {
        let connection = try cluster.connect(database: database)
        defer { connection.close() }
        try connection.execute(unsafeScript: "SET TimeZone = 'UTC'")
        return try connection.query(PostgresQuery(unsafeSQL: sql)).rows.first?.values.first ?? nil
    }

    func publicationTables(_ cluster: PostgresCluster, _ database: String) throws -> [String] {
        try cluster.connect(database: database).query(
            "SELECT pubname || ':' || schemaname || '.' || tablename AS t FROM pg_publication_tables ORDER BY 1").rows.compactMap { $0["t"] }
    }

    @Test("init creates publications and slots and copies the baseline inside the snapshot")
    func initCopiesBaseline() throws {
        defer { scenario.stop() }
        let outcome = try ParityInit.run(configuration, store: store)
        #expect(outcome.check.exitCode == 0)
        #expect(outcome.sources.map(\.side) == [.legacy, .new])
        #expect(outcome.copied == [.legacy: ["orders": 3], .new: ["orders": 1]])
        #expect(try slots(scenario.legacy, "legacy") == ["parity_legacy"])
        #expect(try slots(scenario.new, "modern") == ["parity_new"])
        // The table without a primary key goes only into the insert-only publication.
        #expect(try publicationTables(scenario.legacy, "legacy") == [
            "parity_legacy:public.orders", "parity_legacy_insert_only:public.audit_log",
        ])
        #expect(try publicationTables(scenario.new, "modern") == ["parity_new:sales.order"])

        let legacyRows = try orders(.legacy)
        #expect(legacyRows.count == 3)
        let legacyPlacedAt = try #require(try sourceText(scenario.legacy, "legacy", "SELECT placed_at::text FROM orders WHERE id = 3"))
        #expect(legacyRows[RowJSON.key(["3"])]?["placed_at"] == .some(legacyPlacedAt), "the copy holds the source's text")
        #expect(legacyRows[RowJSON.key(["3"])]?["amount"] == .some(nil))
        #expect(legacyRows[RowJSON.key(["2"])]?["amount"] == .some("0.10"))
        let newRows = try orders(.new)
        let newPlacedAt = try #require(try sourceText(scenario.new, "modern", #"SELECT placed_at::text FROM sales."order" WHERE order_id = 1"#))
        #expect(newRows[RowJSON.key(["1"])]?["placed_at"] == .some(newPlacedAt))

        let record = try #require(try store.sourceRecord(side: .legacy))
        #expect(record.checkpointLSN == record.consistentPoint)
        #expect(record.publications == ["parity_legacy", "parity_legacy_insert_only"])
        #expect(!record.systemIdentifier.isEmpty)
        #expect(record.database == "legacy")
    }

    @Test("do no harm: UPDATE and DELETE on a legacy table without a primary key still succeed after init")
    func doNoHarm() throws {
        defer { scenario.stop() }
        _ = try ParityInit.run(configuration, store: store)
        #expect(try publicationTables(scenario.legacy, "legacy").filter { $0.hasSuffix("public.audit_log") }
                == ["parity_legacy_insert_only:public.audit_log"])
        let connection = try scenario.legacy.connect(database: "legacy")
        defer { connection.close() }
        let updated = try connection.query("UPDATE audit_log SET note = 'changed' WHERE id = 1 RETURNING note").rows
        #expect(updated.map { $0["note"] } == ["changed"])
        let deleted = try connection.query("DELETE FROM audit_log WHERE id = 1 RETURNING id").rows
        #expect(deleted.map { $0["id"] } == ["1"])
        try connection.query("INSERT INTO audit_log VALUES (2, 'second')")
        #expect(try connection.query("SELECT id, note FROM audit_log").rows.map { [$0["id"], $0["note"]] } == [["2", "second"]])
    }

    @Test("init on an initialized store is refused with the command that resets it")
    func reinitRefused() throws {
        defer { scenario.stop() }
        _ = try ParityInit.run(configuration, store: store)
        let error = #expect(throws: EngineError.self) { _ = try ParityInit.run(configuration, store: store) }
        #expect(error?.fix.contains("parity teardown") == true)
        #expect(error?.fix.contains(store.path) == true)
        #expect(error?.code == .alreadyInitialized)
    }

    @Test("a failing check creates nothing")
    func failingCheckCreatesNothing() throws {
        defer { scenario.stop() }
        let broken = try scenario.configuration(scenario.yaml(legacyTable: "public.missing"))
        let outcome = try ParityInit.run(broken, store: store)
        #expect(outcome.check.exitCode == 2)
        #expect(outcome.sources.isEmpty)
        #expect(try slots(scenario.legacy, "legacy").isEmpty)
        #expect(try publicationTables(scenario.legacy, "legacy").isEmpty)
        #expect(try store.sourceRecords().isEmpty)
    }

    @Test("when the second source fails, the first is rolled back: nothing half-done")
    func rollback() throws {
        defer { scenario.stop() }
        try scenario.new.run("CREATE PUBLICATION parity_new FOR TABLE sales.\"order\"", database: "modern")
        let error = #expect(throws: EngineError.self) { _ = try ParityInit.run(configuration, store: store) }
        #expect(error?.message == "publication parity_new already exists")
        #expect(try slots(scenario.legacy, "legacy").isEmpty)
        #expect(try publicationTables(scenario.legacy, "legacy").isEmpty)
        #expect(try store.sourceRecords().isEmpty)
        #expect(try store.currentImages(side: .legacy, mapping: "orders").isEmpty)
    }

    @Test("into a PostgreSQL store both sources copy at once; when one fails, both are rolled back and its error is reported")
    func rollbackBothAtOnce() throws {
        defer { scenario.stop() }
        let database = try SharedCluster.newDatabase("init")
        var storeConfiguration = configuration
        storeConfiguration.store = StoreConfiguration(url: database.url)
        let store = try storeConfiguration.store.open()
        #expect(store.loadsSourcesConcurrently)
        try scenario.new.run("CREATE PUBLICATION parity_new FOR TABLE sales.\"order\"", database: "modern")
        let error = #expect(throws: EngineError.self) { _ = try ParityInit.run(storeConfiguration, store: store) }
        #expect(error?.message == "publication parity_new already exists")
        #expect(error?.source == "new")
        #expect(try slots(scenario.legacy, "legacy").isEmpty)
        #expect(try publicationTables(scenario.legacy, "legacy").isEmpty)
        #expect(try store.sourceRecords().isEmpty)
        #expect(try store.currentImages(side: .legacy, mapping: "orders").isEmpty)
    }

    @Test("of both sources' failures, init reports the one that cancelled the other's copy, with what both left")
    func reportedFailure() {
        let cause = EngineError(.sourceRefused, source: "new", message: "publication parity_new already exists", fix: "tear down")
        let left = { (side: SourceSide) in [InitFailure.Leftover(side: side, object: "slot parity_\(side.rawValue) (gone)")] }
        let reported = InitFailure.reported([
            (.legacy, InitFailure(cause: CancellationError(), leftovers: left(.legacy))),
            (.new, InitFailure(cause: cause, leftovers: left(.new))),
        ])
        #expect(reported?.side == .new)
        #expect((reported?.failure.cause as? EngineError)?.message == cause.message)
        #expect(reported?.failure.leftovers.map(\.description) == ["legacy slot parity_legacy (gone)", "new slot parity_new (gone)"])
        #expect(InitFailure.reported([(.legacy, cause), (.new, CancellationError())])?.side == .legacy)
        #expect(InitFailure.reported([(.legacy, CancellationError())])?.failure.cause is CancellationError)
        #expect(InitFailure.reported([]) == nil)
    }

    @Test("a source whose copy is cancelled (the other source failed) stops at its next batch and removes what it created")
    func cancelledCopy() throws {
        defer { scenario.stop() }
        try scenario.legacy.run("INSERT INTO orders SELECT g, 'O', 1.00, NULL, NULL, 1 FROM generate_series(10, 30009) g", database: "legacy")
        let cancellation = InitCancellation()
        let reported = Mutex<[WorkProgress]>([])
        let initializer = SourceInitializer(
            side: .legacy, source: configuration.sources[.legacy], configuration: configuration, store: store,
            progress: { report in
                reported.withLock { $0.append(report) }
                if report.count >= BaselineCopy.batchSize { cancellation.cancel() }
            },
            cancellation: cancellation)
        let failure = #expect(throws: InitFailure.self) { _ = try initializer.run() }
        #expect(failure?.cause is CancellationError)
        #expect(failure?.leftovers.isEmpty == true)
        // Cancelled when the first batch was read, it stopped at the second: it never read the rest.
        #expect(reported.withLock { $0.map(\.count).max() } == BaselineCopy.batchSize)
        #expect(reported.withLock { !$0.contains(where: \.done) })
        #expect(try slots(scenario.legacy, "legacy").isEmpty)
        #expect(try publicationTables(scenario.legacy, "legacy").isEmpty)
        #expect(try store.currentImages(side: .legacy, mapping: "orders").isEmpty)

        // Cancelled before it starts, a source is not reached and creates nothing.
        let new = SourceInitializer(
            side: .new, source: configuration.sources[.new], configuration: configuration, store: store, progress: { _ in },
            cancellation: cancellation)
        #expect(throws: CancellationError.self) { _ = try new.run() }
        #expect(try slots(scenario.new, "modern").isEmpty)
        #expect(try publicationTables(scenario.new, "modern").isEmpty)
    }

    @Test("a cleanup that cannot reach the source names what it left, and the error says to tear down before init again")
    func cleanupLeftovers() throws {
        defer { scenario.stop() }
        let connection = try scenario.legacy.connect(database: "legacy")
        defer { connection.close() }
        scenario.legacy.stop()
        let leftovers = CreatedObjects(publications: ["parity_legacy"], slot: "parity_legacy").drop(on: connection)
        #expect(leftovers.count == 2)
        #expect(leftovers.first?.hasPrefix("slot parity_legacy (") == true)
        #expect(leftovers.last?.hasPrefix("publication parity_legacy (") == true)

        let cause = EngineError(.sourceUnreachable, source: "new", message: "cannot connect", fix: "check the source")
        let failure = ParityInit.failure(
            cause, side: .new, configuration: configuration,
            leftovers: leftovers.map { InitFailure.Leftover(side: .legacy, object: $0) }) as? EngineError
        #expect(failure?.code == .sourceUnreachable)
        #expect(failure?.source == "new")
        #expect(failure?.message.hasPrefix("cannot connect; init could not remove what it created: legacy slot parity_legacy (") == true)
        #expect(failure?.fix.contains("parity teardown --config \(configuration.file)") == true)
        #expect((ParityInit.failure(cause, side: .new, configuration: configuration) as? EngineError)?.fix == "check the source")
    }

    @Test("teardown drops slots and publications, reports released WAL, and is safe to repeat")
    func teardown() throws {
        defer { scenario.stop() }
        _ = try ParityInit.run(configuration, store: store)
        try scenario.legacy.run("INSERT INTO orders SELECT g, 'O', g, NULL, NULL, 1 FROM generate_series(10, 5000) g", database: "legacy")
        let results = ParityTeardown.run(configuration)
        #expect(results.map(\.droppedSlot) == ["parity_legacy", "parity_new"])
        #expect(results[0].droppedPublications == ["parity_legacy", "parity_legacy_insert_only"])
        #expect(results[0].releasedWALBytes > 0)
        #expect(results.allSatisfy { $0.error == nil })
        #expect(try slots(scenario.legacy, "legacy").isEmpty)
        #expect(try publicationTables(scenario.new, "modern").isEmpty)
        let again = ParityTeardown.run(configuration)
        #expect(again.allSatisfy { $0.droppedSlot == nil && $0.droppedPublications.isEmpty && $0.error == nil })
    }
}
