import Foundation
import LogicalReplication
import Logging
import ParityConfig
import ParityLogging
import ParityModel
import ParityStore
import Reconciliation
import PostgresClient
import ReplicationStream
import SourceQueries

/// Streams both initialized sources into the store, each on its own thread, until stopped.
public final class CaptureSession: Sendable {
    /// The streams, legacy first.
    let streams: [(side: SourceSide, stream: ReplicationStream)]
    /// Who else is connected to each source, sampled while capturing.
    public let census: ClientCensus

    /// The config file and the store, for the commands errors suggest.
    private let configurationFile: String
    private let storePath: String

    /// Configured mappings not initialized on both sources (added to the config after init): not captured, not compared.
    public let uninitialized: [String]

    /// Where each source's connections, reconnects and recoveries are logged (with `parity.source`), as they happen.
    private let logger: Logger

    /// Prepares streams of `sides` (both, unless a `parity worker` captures one) from each source's durable checkpoint.
    /// Throws when a source is not initialized. A mapping copied on one side only is captured there: its changes after
    /// the copy are kept, whatever the other side's state.
    public init(
        configuration: ParityConfiguration, store: any Store, sides: [SourceSide] = SourceSide.allCases, statusInterval: Duration = .seconds(10),
        logger: Logger = .discarding
    ) throws {
        var streams: [(SourceSide, ReplicationStream)] = []
        let copied = try store.mappingSources()
        for side in sides {
            guard let record = try store.sourceRecord(side: side) else {
                throw EngineError(.notReady, source: side.rawValue, message: "the source is not initialized in \(store.location)",
                                  fix: "run parity init --config \(configuration.file) first")
            }
            let stream = ReplicationStream(
                configuration: ReplicationStreamConfiguration(
                    connection: ConnectionOptions(source: configuration.sources[side]),
                    slot: record.slot, publications: record.publications, startLSN: LSN(record.checkpointLSN),
                    statusInterval: statusInterval),
                consumer: StoreConsumer(store: store, side: side, tables: configuration.tables.filter { mapping in
                    copied.contains { $0.side == side && $0.mapping == mapping.name }
                }),
                logger: Self.logger(logger, side))
            streams.append((side, stream))
        }
        self.streams = streams
        self.logger = logger
        configurationFile = configuration.file
        storePath = store.location
        uninitialized = try MappingStatus(configuration: configuration, store: store).uninitialized
        census = ClientCensus(configuration: configuration, store: store, sides: sides)
        heartbeats = sides.compactMap { side in
            configuration.sources[side].heartbeat.map { Heartbeat(source: configuration.sources[side], side: side, interval: $0) }
        }
    }

    /// `logger` with `parity.source` set to `side`.
    static func logger(_ logger: Logger, _ side: SourceSide) -> Logger {
        var logger = logger
        logger[metadataKey: LogKey.source.rawValue] = "\(side.rawValue)"
        return logger
    }

    /// The heartbeats of the sources that configure one.
    private let heartbeats: [Heartbeat]

    /// Starts both streams, the client census and the configured heartbeats.
    public func start() {
        streams.forEach { $0.stream.start() }
        census.start()
        heartbeats.forEach { $0.start() }
    }

    /// Stops the census and heartbeats, and both streams gracefully: the transaction in hand is applied and the durable
    /// position confirmed.
    public func stop(timeout: Duration = .seconds(10)) {
        streams.forEach { $0.stream.stop() }
        heartbeats.forEach { $0.stop(timeout: timeout) }
        census.stop(timeout: timeout)
        for (_, stream) in streams { _ = stream.waitUntilStopped(timeout: timeout) }
    }

    /// Each source's progress and health.
    public var states: [(side: SourceSide, state: ReplicationStreamState)] {
        streams.map { ($0.side, $0.stream.state) }
    }

    /// The first source whose stream failed, with its error. A slot PostgreSQL cannot read any more (invalidated) says so,
    /// with the server's detail and the re-baseline commands: capture resumes from nothing there.
    public var failure: EngineError? {
        for (side, stream) in streams {
            guard case .failed(let reason) = stream.state.status else { continue }
            let error = stream.failure as? PostgresError
            switch (error?.sqlState, error?.code) {
            case (Self.slotUnreadable?, _):
                let detail = error?.detail.map { " (\($0))" } ?? ""
                return EngineError(
                    .replicationUnusable, source: side.rawValue,
                    message: "capture stopped: \(error?.message ?? reason)\(detail); \(SlotProblem.lost.summary(slot: stream.configuration.slot))",
                    fix: SlotProblem.rebaseline(configFile: configurationFile, storePath: storePath))
            case (_, .invalidConnectionString?), (_, .unreadablePasswordFile?):
                let key = error?.code == .invalidConnectionString ? "dsn" : "password_file"
                return EngineError(.configuration, source: side.rawValue, message: "capture stopped: \(reason)",
                                   fix: "fix sources.\(side.rawValue).\(key) in \(configurationFile)")
            case (Self.slotInUse?, _):
                return EngineError(
                    .replicationUnusable, source: side.rawValue, message: "capture stopped: \(error?.message ?? reason)",
                    fix: "another capture holds the slot: stop it (parity status --config \(configurationFile) names the holder)")
            default:
                return EngineError(.replicationUnusable, source: side.rawValue, message: "capture stopped: \(reason)",
                                   fix: "fix the cause, then run parity capture again; it resumes from the last durable position")
            }
        }
        return nil
    }

    /// `object_not_in_prerequisite_state`: what START_REPLICATION answers for an invalidated slot.
    private static let slotUnreadable = "55000"
    /// `object_in_use`: the slot is active for another process.
    private static let slotInUse = "55006"

    /// Checks each source's slot before streaming. A slot missing, lost or recreated cannot give the changes the store still
    /// needs: an error with the re-baseline commands. A slot another client holds is waited for up to `wait` (a capture
    /// that just stopped releases it in moments), then its holder is named. An unreachable source is left to its stream,
    /// which connects when it can.
    public func checkSlots(configuration: ParityConfiguration, wait: Duration = .seconds(15)) throws(EngineError) {
        for (side, stream) in streams {
            let slot = stream.configuration.slot
            let deadline = ContinuousClock.now.advanced(by: wait)
            while true {
                let server: ServerSlotStatus
                do {
                    server = try SlotReader.read(configuration.sources[side], slot: slot)
                } catch {
                    Self.logger(logger, side).info(
                        "slot not checked before streaming: the source cannot be read now; its stream connects when it can",
                        metadata: .parity([.slot: slot, .error: error.description]))
                    break
                }
                if let problem = SlotProblem.of(server, storeCheckpoint: stream.configuration.startLSN.description) {
                    throw EngineError(
                        .replicationUnusable, source: side.rawValue, message: problem.summary(slot: slot) + " (the store holds changes through \(stream.configuration.startLSN))",
                        fix: SlotProblem.rebaseline(configFile: configuration.file, storePath: storePath))
                }
                guard server.active else { break }
                guard ContinuousClock.now < deadline else {
                    throw EngineError(
                        .replicationUnusable, source: side.rawValue,
                        message: "replication slot \(slot) is held by another client (\(server.holder ?? "unknown")) and was not released in \(wait)",
                        fix: "stop that capture (another parity capture or parity run on this slot), then start this one")
                }
                Thread.sleep(forTimeInterval: 0.5)
            }
        }
    }

    /// Blocks until every source has durably applied everything written before this call
    /// (its current WAL position now), a stream fails, or `timeout` passes. `keepWaiting` is asked at every poll
    /// (20 times a second): when it answers false the wait ends early and the call returns false (a stop signal).
    @discardableResult
    public func waitUntilCaughtUp(
        configuration: ParityConfiguration, timeout: Duration, keepWaiting: () -> Bool = { true }
    ) throws(EngineError) -> Bool {
        var targets: [SourceSide: LSN] = [:]
        for side in streams.map(\.side) {
            do {
                let connection = try PostgresConnection.connect(ConnectionOptions(source: configuration.sources[side]))
                defer { connection.close() }
                let text = try connection.query("SELECT pg_current_wal_lsn()::text AS lsn").singleRow().decode(String.self, "lsn")
                targets[side] = LSN(text) ?? .invalid
            } catch {
                throw EngineError(.sourceUnreachable, source: side.rawValue, message: "cannot read the current WAL position: \(error)",
                                  fix: "check that the source is reachable (parity check)")
            }
        }
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while ContinuousClock.now < deadline {
            if let failure { throw failure }
            let behind = streams.filter { $0.stream.state.durableLSN < targets[$0.side]! }
            if behind.isEmpty { return true }
            guard keepWaiting() else { return false }
            Thread.sleep(forTimeInterval: 0.05)
        }
        let lagging = streams.filter { $0.stream.state.durableLSN < targets[$0.side]! }.map(\.side.rawValue)
        throw EngineError(.timedOut, source: lagging.first, message: "not caught up after \(timeout) (\(lagging.joined(separator: ", ")) behind)",
                          fix: "run parity status to see the lag, or give capture more time with --timeout")
    }
}
