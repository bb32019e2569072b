import Foundation
import LogicalReplication
import ParityConfig
import ParityStore
import PostgresClient
import ReplicationStream

/// Streams both initialized sources into the store, each on its own thread, until stopped.
public final class CaptureSession: Sendable {
    /// The streams, legacy first.
    let streams: [(side: SourceSide, stream: ReplicationStream)]
    /// Who else is connected to each source, sampled while capturing.
    public let census: ClientCensus

    /// Configured mappings not initialized on both sources (added to the config after init): not captured, not compared.
    public let uninitialized: [String]

    /// Prepares streams from each source's durable checkpoint. Throws when a source is not initialized. A mapping copied on
    /// one side only is captured there: its changes after the copy are kept, whatever the other side's state.
    public init(configuration: ParityConfiguration, store: ParityStore, statusInterval: Duration = .seconds(10)) throws {
        var streams: [(SourceSide, ReplicationStream)] = []
        let copied = try store.mappingSources()
        for side in SourceSide.allCases {
            guard let record = try store.sourceRecord(side: side.rawValue) else {
                throw EngineError(source: side.rawValue, message: "the source is not initialized in \(store.path)",
                                  fix: "run parity init --config \(configuration.file) first", exitCode: 2)
            }
            let stream = ReplicationStream(
                configuration: ReplicationStreamConfiguration(
                    connection: ConnectionOptions(source: configuration.sources[side]),
                    slot: record.slot, publications: record.publications, startLSN: LSN(record.checkpointLSN),
                    statusInterval: statusInterval),
                consumer: StoreConsumer(store: store, side: side, tables: configuration.tables.filter { mapping in
                    copied.contains { $0.side == side.rawValue && $0.mapping == mapping.name }
                }))
            streams.append((side, stream))
        }
        self.streams = streams
        uninitialized = try MappingStatus(configuration: configuration, store: store).uninitialized
        census = ClientCensus(configuration: configuration, store: store)
    }

    /// Starts both streams and the client census.
    public func start() {
        streams.forEach { $0.stream.start() }
        census.start()
    }

    /// Stops the census, and both streams gracefully: the transaction in hand is applied and the durable position confirmed.
    public func stop(timeout: Duration = .seconds(10)) {
        streams.forEach { $0.stream.stop() }
        census.stop(timeout: timeout)
        for (_, stream) in streams { _ = stream.waitUntilStopped(timeout: timeout) }
    }

    /// Each source's progress and health.
    public var states: [(side: SourceSide, state: ReplicationStreamState)] {
        streams.map { ($0.side, $0.stream.state) }
    }

    /// The first source whose stream failed, with its error.
    public var failure: EngineError? {
        for (side, stream) in streams {
            if case .failed(let reason) = stream.state.status {
                return EngineError(source: side.rawValue, message: "capture stopped: \(reason)",
                                   fix: "fix the cause, then run parity capture again; it resumes from the last durable position",
                                   exitCode: 3)
            }
        }
        return nil
    }

    /// Blocks until every source has durably applied everything written before this call
    /// (its current WAL position now), a stream fails, or `timeout` passes.
    public func waitUntilCaughtUp(configuration: ParityConfiguration, timeout: Duration) throws(EngineError) {
        var targets: [SourceSide: LSN] = [:]
        for side in SourceSide.allCases {
            do {
                let connection = try PostgresConnection.connect(ConnectionOptions(source: configuration.sources[side]))
                defer { connection.close() }
                let text = try connection.query("SELECT pg_current_wal_lsn()::text AS lsn").singleRow().decode(String.self, "lsn")
                targets[side] = LSN(text) ?? .invalid
            } catch {
                throw EngineError(source: side.rawValue, message: "cannot read the current WAL position: \(error)",
                                  fix: "check that the source is reachable (parity check)", exitCode: 3)
            }
        }
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while ContinuousClock.now < deadline {
            if let failure { throw failure }
            let behind = streams.filter { $0.stream.state.durableLSN < targets[$0.side]! }
            if behind.isEmpty { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        let lagging = streams.filter { $0.stream.state.durableLSN < targets[$0.side]! }.map(\.side.rawValue)
        throw EngineError(source: lagging.first, message: "not caught up after \(timeout) (\(lagging.joined(separator: ", ")) behind)",
                          fix: "run parity status to see the lag, or give capture more time with --timeout", exitCode: 3)
    }
}
