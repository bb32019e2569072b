import Foundation
import Synchronization
import Logging
import ParityLogging
import ParityConfig
import ParityModel
import ParityStore
import PostgresClient
import Reconciliation
import SourceQueries

/// `parity init`: checks both sources, then creates each one's publications and slot and copies
/// its baseline. Both sources are initialized, or neither is.
public enum ParityInit {
    /// The outcome: the check report, and the initialized sources when the checks passed.
    public struct Outcome: Sendable {
        public var check: CheckReport
        public var sources: [SourceRecord]
    }

    /// Runs init. Refuses an initialized store; returns without creating anything when a check fails. What a failed init
    /// created and could not remove is logged to `logger` and named in the error.
    public static func run(
        _ configuration: ParityConfiguration, store: any Store,
        progress: @escaping WorkProgress.Sink = { _ in }, logger: Logger = .discarding
    ) throws -> Outcome {
        if let existing = try store.sourceRecords().first {
            throw EngineError(
                .alreadyInitialized, source: existing.side.rawValue,
                message: "the store \(store.location) is already initialized (slot \(existing.slot))",
                fix: "to start over run parity teardown --config \(configuration.file), then delete \(store.location) and run init again")
        }
        let check = SourceCheck.run(configuration)
        guard check.exitCode == 0 else { return Outcome(check: check, sources: []) }
        var results: [SourceSide: Result<SourceRecord, any Error>] = [:]
        var storeFailure: (any Error)?
        do {
            // The store is empty: it may load the baseline in bulk and build its row indexes once both sides are in.
            try store.loadingFirstBaseline { results = initializeBothSides(configuration, store: store, progress: progress) }
        } catch {
            storeFailure = error
        }
        let records = SourceSide.allCases.compactMap { side in try? results[side]?.get() }
        let failures = SourceSide.allCases.compactMap { side -> (side: SourceSide, error: any Error)? in
            guard case .failure(let error) = results[side] else { return nil }
            return (side, error)
        } + (storeFailure.map { [(side: SourceSide.new, error: $0)] } ?? [])
        guard let first = failures.first else { return Outcome(check: check, sources: records) }
        var leftovers = failures.flatMap { ($0.error as? InitFailure)?.leftovers ?? [] }
        for record in records {
            leftovers += undo(record, configuration: configuration, store: store)
        }
        for other in failures.dropFirst() {
            logger.error("init failed on this source too: \((other.error as? InitFailure)?.cause ?? other.error)",
                         metadata: .parity([.source: other.side.rawValue]))
        }
        for leftover in leftovers {
            logger.warning(
                "init could not remove what it created: \(leftover.object)", metadata: .parity([.source: leftover.side.rawValue]))
        }
        throw failure((first.error as? InitFailure)?.cause ?? first.error, side: first.side, configuration: configuration, leftovers: leftovers)
    }

    /// Initializes both sources at once, each on a thread of its own (each side's copy reads and encodes its source while
    /// the store writes the other's), and returns each side's record or error; a side that failed removed what it created.
    private static func initializeBothSides(
        _ configuration: ParityConfiguration, store: any Store, progress: @escaping WorkProgress.Sink
    ) -> [SourceSide: Result<SourceRecord, any Error>] {
        let results = Mutex<[SourceSide: Result<SourceRecord, any Error>]>([:])
        DispatchQueue.concurrentPerform(iterations: SourceSide.allCases.count) { index in
            let side = SourceSide.allCases[index]
            let initializer = SourceInitializer(
                side: side, source: configuration.sources[side], configuration: configuration, store: store, progress: progress)
            let result = Result { try initializer.run() }
            results.withLock { $0[side] = result }
        }
        return results.withLock { $0 }
    }

    /// Removes an initialized source's slot, publications and baseline again; returns what could not be removed.
    private static func undo(_ record: SourceRecord, configuration: ParityConfiguration, store: any Store) -> [InitFailure.Leftover] {
        var leftovers: [InitFailure.Leftover] = []
        do {
            _ = try ParityTeardown.dropSource(configuration.sources[record.side], force: true)
        } catch {
            leftovers.append(InitFailure.Leftover(side: record.side, object: "slot \(record.slot) and its publications (\(error))"))
        }
        do {
            try store.discardSource(side: record.side)
        } catch {
            leftovers.append(InitFailure.Leftover(side: record.side, object: "its baseline rows in the store (\(error))"))
        }
        return leftovers
    }

    /// A source's error as one line naming what PostgreSQL refused and what to do (`.sourceRefused`), and what init
    /// created and could not remove (then the fix is a teardown first).
    static func failure(
        _ error: any Error, side: SourceSide, configuration: ParityConfiguration, leftovers: [InitFailure.Leftover] = []
    ) -> any Error {
        var failure: EngineError
        if let error = error as? EngineError {
            failure = error
        } else if let error = error as? StoreError {
            failure = EngineError.store(error, doing: "init", fix: "check store.path")
        } else if let error = error as? PostgresError {
            let fix = error.sqlState == "42501"
                ? "give the role what PostgreSQL names (publishing a table takes its ownership: GRANT <owner> TO <role>; publications take "
                    + "CREATE on the database); parity check --config \(configuration.file) lists every missing privilege; nothing was created"
                : "fix what PostgreSQL names, then run parity init again; nothing was created"
            failure = EngineError(.sourceRefused, source: side.rawValue, message: "init failed: \(error)", fix: fix)
        } else {
            return error
        }
        guard !leftovers.isEmpty else { return failure }
        failure.message += "; init could not remove what it created: " + leftovers.map(\.description).joined(separator: ", ")
        failure.fix = "once the sources are reachable, run parity teardown --config \(configuration.file) and delete \(configuration.store.described), "
            + "then run parity init again"
        return failure
    }
}
