import ParityConfig
import ParityModel
import PostgresClient

/// `parity teardown`: drops Parity's slots and publications on both sources, so the servers
/// release the WAL the slots retained. Never touches tables.
public enum ParityTeardown {
    /// What teardown did on one source.
    public struct SourceResult: Sendable {
        public var side: SourceSide
        /// The slot dropped, if it existed.
        public var droppedSlot: String?
        /// WAL the slot retained, released by dropping it.
        public var releasedWALBytes: Int64
        public var droppedPublications: [String]
        /// Why this source could not be torn down, if it could not.
        public var error: String?
    }

    /// Tears down both sources; a source that fails does not stop the other.
    public static func run(_ configuration: ParityConfiguration) -> [SourceResult] {
        SourceSide.allCases.map { side in
            do {
                var result = try dropSource(configuration.sources[side], force: false)
                result.side = side
                return result
            } catch {
                return SourceResult(side: side, droppedSlot: nil, releasedWALBytes: 0, droppedPublications: [], error: "\(error)")
            }
        }
    }

    /// Drops one source's slot and publications. Refuses a slot a running capture holds unless `force`.
    public static func dropSource(_ source: SourceConfiguration, force: Bool) throws -> SourceResult {
        let connection = try PostgresConnection.connect(ConnectionOptions(source: source))
        defer { connection.close() }
        var result = SourceResult(side: .legacy, droppedSlot: nil, releasedWALBytes: 0, droppedPublications: [], error: nil)
        let slot = try connection.query("""
            SELECT active, active_pid,
                   coalesce(pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn), 0)::int8 AS retained
            FROM pg_replication_slots WHERE slot_name = \(source.slot)
            """).rows.first
        if let slot {
            if try slot.decode(Bool.self, "active") {
                guard force, let pid = try slot.decode(Int?.self, "active_pid") else {
                    throw EngineError(.captureRunning, source: nil, message: "slot \(source.slot) is in use by a running capture",
                                      fix: "stop parity capture / parity run first, then run teardown again")
                }
                try connection.query("SELECT pg_terminate_backend(\(pid))")
            }
            result.releasedWALBytes = try slot.decode(Int64.self, "retained")
            try connection.query("SELECT pg_drop_replication_slot(\(source.slot))")
            result.droppedSlot = source.slot
        }
        for name in [source.publication, PublicationPlan.insertOnlyName(for: source.publication)] {
            let exists = try connection.query("SELECT 1 FROM pg_publication WHERE pubname = \(name)")
            guard !exists.rows.isEmpty else { continue }
            try connection.query("DROP PUBLICATION \(identifier: name)")
            result.droppedPublications.append(name)
        }
        return result
    }
}
