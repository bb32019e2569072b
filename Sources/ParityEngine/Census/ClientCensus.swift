import Foundation
import ParityConfig
import ParityModel
import ParityStore
import PostgresClient
import SourceQueries

/// Samples who is connected to each source (`pg_stat_activity`) every `census.interval` into the store,
/// on a thread of its own, while capture runs. Parity's own sessions are left out by application name.
/// A failed sample is skipped and its connection reopened at the next one; it never stops capture.
public final class ClientCensus: @unchecked Sendable {
    private struct Source {
        let side: SourceSide
        let options: ConnectionOptions
        let excluded: Set<String>
    }

    private let sources: [Source]
    private let store: any CaptureStore
    private let thread: PeriodicThread
    private let lock = NSLock()
    private var errors: [SourceSide: String] = [:]
    /// The census thread's connections, one per source; only that thread touches them.
    private var connections: [SourceSide: PostgresConnection] = [:]

    /// A census of the configured sources of `sides` into `store`; nothing happens until ``start()``.
    public init(configuration: ParityConfiguration, store: any CaptureStore, sides: [SourceSide] = SourceSide.allCases) {
        sources = sides.map { side in
            var options = ConnectionOptions(source: configuration.sources[side])
            options.statementTimeout = .seconds(10)
            return Source(side: side, options: options, excluded: Set(ParityFootprint(configuration, side: side).applicationNames))
        }
        self.store = store
        thread = PeriodicThread(name: "parity-census", interval: configuration.census.interval)
    }

    /// Starts sampling at once, then every interval, until ``stop(timeout:)``; later calls do nothing.
    public func start() {
        thread.start(
            tick: { [self] in sources.forEach(sample) },
            finish: { [self] in
                connections.values.forEach { $0.close() }
                connections = [:]
            })
    }

    /// Stops sampling and waits up to `timeout` for the thread to close its connections.
    public func stop(timeout: Duration = .seconds(10)) {
        thread.stop(timeout: timeout)
    }

    /// The last sampling error per source (cleared by the next good sample), without secrets.
    public var lastErrors: [SourceSide: String] {
        lock.withLock { errors }
    }

    private func sample(_ source: Source) {
        do {
            let connection = try connections[source.side] ?? PostgresConnection.connect(source.options)
            connections[source.side] = connection
            let sample = try CensusQuery.sample(connection, excluding: source.excluded)
            try store.recordCensusSample(
                side: source.side, sampledAt: sample.sampledAt, limited: sample.limited, sessions: sample.sessions)
            lock.withLock { errors[source.side] = nil }
        } catch {
            connections.removeValue(forKey: source.side)?.close()
            lock.withLock { errors[source.side] = "\(error)" }
        }
    }
}
