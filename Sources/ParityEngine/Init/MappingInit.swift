import Foundation
import LogicalReplication
import ParityConfig
import ParityModel
import ParityStore
import PostgresClient
import Reconciliation
import SourceQueries

/// `parity init --add` and `--remove`: a table mapping added to the config after `init` is published, copied inside a
/// snapshot whose WAL position is exact and compared in full at the next close; a removed one is unpublished and
/// forgotten. Capture must be stopped meanwhile (the command holds the store's capture lock): a running capture would
/// not know the new mapping, and its slot decodes the table from the publication change on.
public enum MappingInit {
    /// One side of a mapping copied by `add`.
    public struct Copied: Sendable {
        public var side: SourceSide
        public var mapping: String
        public var table: String
        /// The snapshot's position: changes of transactions committed from here on are streamed, earlier ones are in the copy.
        public var position: LSN
        public var rows: Int
    }

    /// One side of a mapping undone by `remove`.
    public struct Removed: Sendable {
        public var side: SourceSide
        public var mapping: String
        /// The table dropped from Parity's publication; nil when it stays published (watched, or mapped by another mapping).
        public var unpublished: String?
    }

    /// Publishes and copies each side of `names` not yet copied; a side copied before is left as it is. Refuses an unknown
    /// name, an uninitialized store, and a failed `parity check` (then `check` is returned and nothing is created).
    public static func add(
        _ names: [String], configuration: ParityConfiguration, store: any Store, progress: @escaping WorkProgress.Sink = { _ in }
    ) throws -> (check: CheckReport, copied: [Copied]) {
        let mappings = try configured(names, configuration)
        let records = try initializedSources(store, configuration)
        let lock = try captureLock(store, holder: "parity init --add")
        defer { withExtendedLifetime(lock) {} }
        let check = SourceCheck.run(configuration)
        guard check.exitCode == 0 else { return (check, []) }
        let done = Set(try store.mappingSources().map { "\($0.side) \($0.mapping)" })
        var copied: [Copied] = []
        for side in SourceSide.allCases {
            let pending = mappings.filter { !done.contains("\(side.rawValue) \($0.name)") }
            guard !pending.isEmpty, let record = records[side] else { continue }
            do {
                copied += try add(pending, side: side, record: record, configuration: configuration, store: store, progress: progress)
            } catch {
                throw failure(error, side: side, doing: "init --add", fix: "then run parity init --add again: it copies anew")
            }
        }
        return (check, copied)
    }

    /// Unpublishes and forgets each of `names` (in the config or not, as long as the store knows it).
    public static func remove(_ names: [String], configuration: ParityConfiguration, store: any Store) throws -> [Removed] {
        let records = try initializedSources(store, configuration)
        let known = try store.mappingSources()
        let unknown = names.filter { name in !known.contains { $0.mapping == name } && !configuration.tables.contains { $0.name == name } }
        guard unknown.isEmpty else {
            throw EngineError(.usage, source: nil, message: "neither the config nor the store knows a table mapping named \(unknown.joined(separator: ", "))",
                              fix: "give a name parity status lists")
        }
        let lock = try captureLock(store, holder: "parity init --remove")
        defer { withExtendedLifetime(lock) {} }
        var removed: [Removed] = []
        for side in SourceSide.allCases {
            guard let record = records[side] else { continue }
            do {
                removed += try unpublish(names, side: side, record: record, known: known, configuration: configuration)
            } catch {
                throw failure(error, side: side, doing: "init --remove", fix: "then run parity init --remove again")
            }
        }
        for name in names {
            try store.discardMapping(name, sides: SourceSide.allCases)
        }
        try store.makeDurable()
        return removed
    }

    /// Drops each of `names`' tables on `side` from Parity's publication, unless it is watched or another mapping uses it.
    private static func unpublish(
        _ names: [String], side: SourceSide, record: SourceRecord, known: [MappingSource], configuration: ParityConfiguration
    ) throws -> [Removed] {
        let source = configuration.sources[side]
        let connection = try connect(side, source)
        defer { connection.close() }
        let publication = Publication(connection: connection, side: side, names: record.publications)
        var removed: [Removed] = []
        for name in names {
            let table = try table(of: name, side: side, known: known, configuration: configuration)
            let stillUsed = known.contains { $0.side == side && $0.mapping != name && !names.contains($0.mapping) && $0.table == table?.description }
            let watched = side == .legacy && table.map { source.watchSchemas.contains($0.schema) } == true
            var unpublished: String?
            if let table, !stillUsed, !watched, try publication.contains(table) {
                try publication.drop(table)
                unpublished = table.description
            }
            removed.append(Removed(side: side, mapping: name, unpublished: unpublished))
        }
        return removed
    }

    /// A source's or the store's error during `doing` as one line with what to do; an ``EngineError`` as it is.
    private static func failure(_ error: any Error, side: SourceSide, doing: String, fix: String) -> any Error {
        switch error {
        case let error as PostgresError:
            EngineError(.sourceRefused, source: side.rawValue, message: "\(doing) failed: \(error)", fix: "fix what PostgreSQL names, " + fix)
        case let error as StoreError:
            EngineError.store(error, doing: doing, fix: "check store.path, " + fix)
        default:
            error
        }
    }

    private static func add(
        _ mappings: [TableMapping], side: SourceSide, record: SourceRecord, configuration: ParityConfiguration, store: any Store,
        progress: @escaping WorkProgress.Sink
    ) throws -> [Copied] {
        let source = configuration.sources[side]
        let connection = try connect(side, source)
        defer { connection.close() }
        let publication = Publication(connection: connection, side: side, names: record.publications)
        for mapping in mappings {
            let table = side == .legacy ? mapping.legacy : mapping.new
            if try !publication.contains(table) { try publication.add(table) }
            try store.discardMapping(mapping.name, sides: [side])
        }
        // The publication change is committed: every transaction the snapshot does not hold is decoded with the table published.
        let snapshot = try ExportedSnapshot(side: side, source: source, slot: "parity_add_\(getpid())_\(side.rawValue)", temporary: true)
        defer { snapshot.close() }
        let (time, rows) = try BaselineCopy.copy(mappings, side: side, source: source, snapshot: snapshot, store: store, progress: progress)
        var copied: [Copied] = []
        for mapping in mappings {
            let table = (side == .legacy ? mapping.legacy : mapping.new).description
            try store.recordMappingCopied(MappingSource(
                side: side, mapping: mapping.name, table: table, copiedAt: snapshot.position.rawValue, snapshotTime: time,
                initializedAt: StoreTime.micros(Date())))
            copied.append(Copied(side: side, mapping: mapping.name, table: table, position: snapshot.position, rows: rows[mapping.name] ?? 0))
        }
        try store.makeDurable()
        return copied
    }

    private static func configured(_ names: [String], _ configuration: ParityConfiguration) throws(EngineError) -> [TableMapping] {
        let unknown = names.filter { name in !configuration.tables.contains { $0.name == name } }
        guard unknown.isEmpty, !names.isEmpty else {
            throw EngineError(.usage, source: nil, message: "no table mapping is named \(unknown.joined(separator: ", ")) in \(configuration.file)",
                              fix: "add the mapping under tables: first; names in the config: \(configuration.tables.map(\.name).joined(separator: ", "))")
        }
        return configuration.tables.filter { names.contains($0.name) }
    }

    private static func initializedSources(_ store: any Store, _ configuration: ParityConfiguration) throws -> [SourceSide: SourceRecord] {
        let records = Dictionary(try store.sourceRecords().map { ($0.side, $0) }, uniquingKeysWith: { first, _ in first })
        guard records.count == SourceSide.allCases.count else {
            throw EngineError(.notReady, source: nil, message: "the store \(store.location) is not initialized",
                              fix: "run parity init --config \(configuration.file); it copies every configured mapping")
        }
        return records
    }

    private static func captureLock(_ store: any Store, holder: String) throws -> any CaptureLease {
        do {
            return try store.lockCapture(holder: holder)
        } catch where error.code == .captureRunning {
            throw EngineError(.captureRunning, source: nil, message: error.message,
                              fix: "stop parity capture / parity run, run this again, then start capture with the new config")
        }
    }

    private static func table(of name: String, side: SourceSide, known: [MappingSource], configuration: ParityConfiguration) throws -> QualifiedName? {
        if let stored = known.first(where: { $0.side == side && $0.mapping == name })?.table {
            return try QualifiedName(parsing: stored)
        }
        return configuration.tables.first { $0.name == name }.map { side == .legacy ? $0.legacy : $0.new }
    }

    private static func connect(_ side: SourceSide, _ source: SourceConfiguration) throws(EngineError) -> PostgresConnection {
        do {
            return try PostgresConnection.connect(ConnectionOptions(source: source))
        } catch {
            throw EngineError(.sourceUnreachable, source: side.rawValue, message: "cannot connect: \(error)", fix: "check that the source is reachable (parity check)")
        }
    }
}
