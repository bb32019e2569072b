import Foundation
import ParityConfig
import ParityStore
import PostgresClient
import Reconciliation

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
        progress: @escaping CopyProgress.Sink = { _ in }
    ) throws -> Outcome {
        if let existing = try store.sourceRecords().first {
            throw EngineError(
                source: existing.side,
                message: "the store \(store.path) is already initialized (slot \(existing.slot))",
                fix: "to start over run parity teardown --config \(configuration.file), then delete \(store.path) and run init again",
                exitCode: 2)
        }
        let check = SourceCheck.run(configuration)
        guard check.exitCode == 0 else { return Outcome(check: check, sources: []) }
        var records: [SourceRecord] = []
        do {
            for side in SourceSide.allCases {
                let initializer = SourceInitializer(
                    side: side, source: configuration.sources[side], configuration: configuration, store: store, progress: progress)
                records.append(try initializer.run())
            }
        } catch {
            for record in records {
                _ = try? ParityTeardown.dropSource(configuration.sources[SourceSide(rawValue: record.side) ?? .legacy], force: true)
                try? store.discardSource(side: record.side)
            }
            throw error
        }
        return Outcome(check: check, sources: records)
    }
}

extension Sources {
    /// The configuration of one side.
    public subscript(side: SourceSide) -> SourceConfiguration {
        side == .legacy ? legacy : new
    }
}
