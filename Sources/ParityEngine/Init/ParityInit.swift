import Foundation
import Logging
import ParityLogging
import ParityConfig
import ParityModel
import ParityStore
import PostgresClient
import Reconciliation
import SourceQueries
import Synchronization

/// `parity init`: checks both sources, then creates each one's publications and slot and copies its baseline (both at
/// once when the store takes them so). Both sources are initialized, or neither is.
public enum ParityInit {
    /// The outcome: the check report, and the initialized sources when the checks passed.
    public struct Outcome: Sendable {
        public var check: CheckReport
        public var sources: [SourceRecord]
        /// By source, the rows its baseline copied per mapping (a key a source table repeats, with no unique index on
        /// it, is copied each time and stored once).
        public var copied: [SourceSide: [String: Int]] = [:]
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
        var records: [SourceRecord] = []
        var copied: [SourceSide: [String: Int]] = [:]
        var current = SourceSide.legacy
        do {
            // The store is empty: it may load the baseline in bulk and build its row indexes once both sides are in.
            try store.loadingFirstBaseline {
                let outcomes = initializeSources(configuration, store: store, progress: progress)
                var failures: [(side: SourceSide, error: any Error)] = []
                for side in SourceSide.allCases {
                    switch outcomes[side] {
                    case .success(let initialized)?:
                        records.append(initialized.record)
                        copied[side] = initialized.copied
                    case .failure(let error)?:
                        failures.append((side, error))
                    case nil:
                        break
                    }
                }
                if let (side, failure) = InitFailure.reported(failures) {
                    current = side
                    throw failure
                }
            }
        } catch {
            let failed = error as? InitFailure
            var leftovers = failed?.leftovers ?? []
            for record in records {
                leftovers += undo(record, configuration: configuration, store: store)
            }
            for leftover in leftovers {
                logger.warning(
                    "init could not remove what it created: \(leftover.object)", metadata: .parity([.source: leftover.side.rawValue]))
            }
            throw failure(failed?.cause ?? error, side: current, configuration: configuration, leftovers: leftovers)
        }
        return Outcome(check: check, sources: records, copied: copied)
    }

    /// Initializes the sources, both at once when the store loads them so (``CaptureStore/loadsSourcesConcurrently``),
    /// each on a thread of its own with its own source connections and store session, else one after the other; the
    /// first to fail stops the other's copy at its next batch (or before it starts). Returns each side's outcome.
    private static func initializeSources(
        _ configuration: ParityConfiguration, store: any Store, progress: @escaping WorkProgress.Sink
    ) -> [SourceSide: Result<(record: SourceRecord, copied: [String: Int]), any Error>] {
        let sides = SourceSide.allCases
        let cancellation = InitCancellation()
        let outcomes = Mutex<[SourceSide: Result<(record: SourceRecord, copied: [String: Int]), any Error>]>([:])
        let initialize: @Sendable (Int) -> Void = { index in
            let side = sides[index]
            let initializer = SourceInitializer(
                side: side, source: configuration.sources[side], configuration: configuration, store: store, progress: progress,
                cancellation: cancellation)
            let outcome = Result { try initializer.run() }
            if case .failure = outcome { cancellation.cancel() }
            outcomes.withLock { $0[side] = outcome }
        }
        if store.loadsSourcesConcurrently {
            DispatchQueue.concurrentPerform(iterations: sides.count, execute: initialize)
        } else {
            sides.indices.forEach(initialize)
        }
        return outcomes.withLock { $0 }
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
