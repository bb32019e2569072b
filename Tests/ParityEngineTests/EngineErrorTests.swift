import ParityConfig
@testable import ParityEngine
import ParityStore
import PostgresClient
import SourceQueries
import Testing

@Suite("Store failures as engine errors")
struct EngineErrorTests {
    @Test("a store locked past the busy timeout is store_unavailable with what to do; another store error store with the given fix")
    func storeFailures() {
        let busy = EngineError.store(
            StoreError(code: .busy, message: "locked", path: "/var/lib/parity/parity.sqlite"), doing: "closing cycles", fix: "check store.path")
        #expect(busy.code == .storeUnavailable)
        #expect(busy.description.contains("another Parity process kept the store locked") && busy.description.contains("run it again"))
        #expect(!busy.description.contains("check store.path"))
        let other = EngineError.store(
            StoreError(code: .databaseError, message: "disk I/O error", path: "/p"), doing: "closing cycles", fix: "check the store file")
        #expect(other.code == .store && other.description.hasSuffix("; check the store file"))
    }

    @Test("a damaged store is store_unavailable with what to do")
    func damagedStore() {
        let damaged = EngineError.store(
            StoreError(code: .corrupt, message: "file is not a database", path: "/p"), doing: "closing cycles", fix: "check store.path")
        #expect(damaged.code == .storeUnavailable && damaged.description.contains("damaged") && damaged.description.contains("restore it"))

        // A damaged PostgreSQL store says how to restore it, not the SQLite file's -wal and -shm.
        var postgres = StoreError(code: .corrupt, message: "store_info holds no valid 'partitions'", path: "postgres://parity@db/parity")
        postgres.fix = "restore the store database from a backup"
        let restored = EngineError.store(postgres, doing: "opening the store", fix: "check store.url")
        #expect(restored.code == .storeUnavailable && restored.fix == "restore the store database from a backup")
        #expect(restored.message.contains("(store_info holds no valid 'partitions')"), "what was found: \(restored.message)")
    }

    @Test("init refused by PostgreSQL names the object and the privilege to give, source_refused")
    func initRefused() throws {
        let configuration = try ParityConfiguration.parse(yaml: """
            sources:
              legacy: { dsn: "host=a" }
              new: { dsn: "host=b" }
            """, file: "/etc/parity/parity.yaml", environment: [:])
        let denied = PostgresError(code: .serverError, message: "must be owner of table orders", sqlState: "42501")
        let error = try #require(ParityInit.failure(denied, side: .legacy, configuration: configuration) as? EngineError)
        #expect(error.code == .sourceRefused && error.source == "legacy")
        #expect(error.message.contains("must be owner of table orders"))
        #expect(error.fix.contains("GRANT <owner> TO <role>") && error.fix.contains("parity check --config /etc/parity/parity.yaml"))
    }
}
