import Foundation
import ParityConfig
import ParityStore
import PostgresClient

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
    private let store: ParityStore
    private let interval: Duration
    private let condition = NSCondition()
    private var started = false
    private var finished = false
    private var stopRequested = false
    private var errors: [SourceSide: String] = [:]

    /// A census of both configured sources into `store`; nothing happens until ``start()``.
    public init(configuration: ParityConfiguration, store: ParityStore) {
        sources = SourceSide.allCases.map { side in
            var options = ConnectionOptions(source: configuration.sources[side])
            options.statementTimeout = .seconds(10)
            return Source(side: side, options: options, excluded: Set(ParityFootprint(configuration, side: side).applicationNames))
        }
        self.store = store
        interval = configuration.census.interval
    }

    /// Starts sampling at once, then every interval, until ``stop(timeout:)``; later calls do nothing.
    public func start() {
        let first = condition.withLock {
            defer { started = true }
            return !started
        }
        guard first else { return }
        let thread = Thread { [self] in run() }
        thread.name = "parity-census"
        thread.start()
    }

    /// Stops sampling and waits up to `timeout` for the thread to close its connections.
    public func stop(timeout: Duration = .seconds(10)) {
        let deadline = Self.deadline(after: timeout)
        condition.withLock {
            stopRequested = true
            condition.broadcast()
            while started && !finished {
                if !condition.wait(until: deadline) { break }
            }
        }
    }

    /// The last sampling error per source (cleared by the next good sample), without secrets.
    public var lastErrors: [SourceSide: String] {
        condition.withLock { errors }
    }

    private func run() {
        var connections: [SourceSide: PostgresConnection] = [:]
        repeat {
            for source in sources { sample(source, connections: &connections) }
        } while waitForNextSample()
        connections.values.forEach { $0.close() }
        condition.withLock {
            finished = true
            condition.broadcast()
        }
    }

    private func sample(_ source: Source, connections: inout [SourceSide: PostgresConnection]) {
        do {
            let connection = try connections[source.side] ?? PostgresConnection.connect(source.options)
            connections[source.side] = connection
            let sample = try CensusQuery.sample(connection, excluding: source.excluded)
            try store.recordCensusSample(
                side: source.side.rawValue, sampledAt: sample.sampledAt, limited: sample.limited, sessions: sample.sessions)
            condition.withLock { errors[source.side] = nil }
        } catch {
            connections.removeValue(forKey: source.side)?.close()
            condition.withLock { errors[source.side] = "\(error)" }
        }
    }

    /// Sleeps one interval; false when a stop was requested.
    private func waitForNextSample() -> Bool {
        let deadline = Self.deadline(after: interval)
        return condition.withLock {
            while !stopRequested {
                if !condition.wait(until: deadline) { break }
            }
            return !stopRequested
        }
    }

    private static func deadline(after duration: Duration) -> Date {
        Date().addingTimeInterval(Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
    }
}
