import Foundation
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

    /// Runs init. Refuses an initialized store; returns without creating anything when a check fails.
    public static func run(
        _ configuration: ParityConfiguration, store: ParityStore,
        progress: @escaping WorkProgress.Sink = { _ in }
    ) throws -> Outcome {
        if let existing = try store.sourceRecords().first {
            throw EngineError(
                .alreadyInitialized, source: existing.side.rawValue,
                message: "the store \(store.path) is already initialized (slot \(existing.slot))",
                fix: "to start over run parity teardown --config \(configuration.file), then delete \(store.path) and run init again")
        }
        let check = SourceCheck.run(configuration)
        guard check.exitCode == 0 else { return Outcome(check: check, sources: []) }
        var records: [SourceRecord] = []
        var current = SourceSide.legacy
        do {
            for side in SourceSide.allCases {
                current = side
                let initializer = SourceInitializer(
                    side: side, source: configuration.sources[side], configuration: configuration, store: store, progress: progress)
                records.append(try initializer.run())
            }
        } catch {
            for record in records {
                _ = try? ParityTeardown.dropSource(configuration.sources[record.side], force: true)
                try? store.discardSource(side: record.side)
            }
            throw failure(error, side: current, configuration: configuration)
        }
        return Outcome(check: check, sources: records)
    }

    /// A source's error as one line naming what PostgreSQL refused and what to do (`.sourceRefused`).
    static func failure(_ error: any Error, side: SourceSide, configuration: ParityConfiguration) -> any Error {
        if let error = error as? StoreError { return EngineError.store(error, doing: "init", fix: "check store.path") }
        guard let error = error as? PostgresError else { return error }
        let fix = error.sqlState == "42501"
            ? "give the role what PostgreSQL names (publishing a table takes its ownership: GRANT <owner> TO <role>; publications take "
                + "CREATE on the database); parity check --config \(configuration.file) lists every missing privilege; nothing was created"
            : "fix what PostgreSQL names, then run parity init again; nothing was created"
        return EngineError(.sourceRefused, source: side.rawValue, message: "init failed: \(error)", fix: fix)
    }
}
