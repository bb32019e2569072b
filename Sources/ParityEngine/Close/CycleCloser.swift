import Foundation
import Logging
import ParityConfig
import ParityLogging
import ParityModel
import ParityStore
import Reconciliation
import SourceQueries

/// Closes every due reconciliation cycle in order: the baseline (cycle 0) first, then each calendar
/// window whose `end + settle` both sources' watermarks have passed.
public enum CycleCloser {
    /// Closes the due cycles; with `force`, also the next cycle that is not due (marked `forced`) if it has begun. What the
    /// close does without (a legacy inventory or summary table it could not read) is logged to `logger`.
    ///
    /// A store whose closes processes share (``PartitionedCycleStore``) is closed by the process holding its coordinator
    /// lock, which this one takes first: waiting for it when `waitForCoordinator`, otherwise closing nothing while another
    /// process holds it. Either way, the process then folds the changes that closes left pending into row state.
    public static func close(
        _ configuration: ParityConfiguration, store: any Store, force: Bool = false, now: Date = Date(),
        progress: @escaping WorkProgress.Sink = { _ in }, logger: Logger = .discarding, waitForCoordinator: Bool = true
    ) throws(EngineError) -> CloseOutcome {
        var coordinator: (any CoordinatorLease)?
        if let shared = store as? any PartitionedCycleStore {
            coordinator = try storeCall { try shared.lockCoordinator(holder: "parity close", wait: waitForCoordinator) }
            guard coordinator != nil else {
                try foldClosedChanges(store)
                return CloseOutcome()
            }
        }
        defer { withExtendedLifetime(coordinator) {} }
        let sources = try storeCall { try store.sourceRecords() }
        guard sources.count == SourceSide.allCases.count else {
            throw EngineError(.notReady, source: nil, message: "both sources must be initialized before a cycle can close",
                              fix: "run parity init")
        }
        guard let calendar = CycleCalendar(configuration.cycle) else {
            throw EngineError(.configuration, source: nil, message: "cycle.period must be a whole number of seconds and cycle.timezone a known zone",
                              fix: "correct the cycle: section (parity check validates it)")
        }
        if let problem = Preflight.semanticChecks(configuration).first {
            throw EngineError(.configuration, source: nil, message: "\(problem.subject ?? problem.name): \(problem.detail)",
                              fix: "\(problem.fix ?? "correct the config"); parity check lists every problem")
        }
        let book = try storeCall { try DecisionBook.load(configuration, store: store) }
        var legacy = LegacySnapshot(configuration: configuration, now: now, logger: logger)
        var scopeKeys = ScopeKeys(configuration: configuration)
        var outcome = CloseOutcome()
        outcome.uninitialized = try storeCall { try MappingStatus(configuration: configuration, store: store).uninitialized }
        let cycles = try storeCall { try store.cycles() }
        let initialized = sources.map(\.initializedAt).min()!
        if !cycles.contains(where: { $0.id == 0 }) {
            let baseline = CycleRecord(
                id: 0, label: "baseline", start: initialized, end: sources.map(\.initializedAt).max()!, status: .closed,
                closedAt: StoreTime.micros(now), keysCompared: 0, unexplainedRate: "")
            if let closed = try closeOne(
                baseline, window: nil, configuration, store: store, book: book, legacy: &legacy, scopeKeys: &scopeKeys, progress: progress
            ) {
                outcome.closed.append(closed)
            }
        }
        let last = cycles.last { $0.id > 0 }
        var window = calendar.window(containing: StoreTime.date(last?.end ?? initialized))
        var id = (last?.id ?? 0) + 1
        let watermarks = Dictionary(uniqueKeysWithValues: sources.map { ($0.side, StoreTime.date($0.watermark)) })
        var forced = false
        while true {
            let readiness = calendar.readiness(of: window, watermarks: watermarks.mapValues { $0 }, now: now)
            // --force closes the window the clock is in, never one that has not begun.
            guard readiness == CloseReadiness.ready || (force && !forced && window.start <= now) else {
                outcome.waiting = wait(window, readiness, calendar: calendar, watermarks: watermarks)
                if !outcome.closed.isEmpty {
                    try warnComparedWhole(configuration, store: store, uninitialized: outcome.uninitialized, logger: logger)
                }
                try foldClosedChanges(store)
                return outcome
            }
            forced = readiness != CloseReadiness.ready
            let record = CycleRecord(
                id: id, label: window.label, start: StoreTime.micros(window.start), end: StoreTime.micros(window.end),
                status: forced ? .forced : .closed, closedAt: StoreTime.micros(now), keysCompared: 0, unexplainedRate: "")
            if let closed = try closeOne(
                record, window: window, configuration, store: store, book: book, legacy: &legacy, scopeKeys: &scopeKeys, progress: progress
            ) {
                outcome.closed.append(closed)
            }
            window = calendar.window(after: window)
            id += 1
        }
    }

    /// Compares and records one cycle under the dispositions in force on its business day; nil when it was already closed.
    private static func closeOne(
        _ record: CycleRecord, window: CycleWindow?, _ configuration: ParityConfiguration, store: any Store,
        book: DispositionBook, legacy: inout LegacySnapshot, scopeKeys: inout ScopeKeys, progress: @escaping WorkProgress.Sink
    ) throws(EngineError) -> CloseOutcome.Closed? {
        let day = DecisionBook.day(configuration, at: StoreTime.date(record.start))
        let comparison = CycleComparison(
            record: record, window: window, configuration: configuration, matcher: book.matcher(on: day),
            decisions: book.fingerprint(on: day), hiddenState: legacy.hiddenState(), summaries: legacy.summaries(),
            scopeKeys: try scopeKeys.keys())
        comparison.progress = progress
        let end = window.map { StoreTime.micros($0.end) }
        let closed = try storeCall {
            if let shared = store as? any Store & PartitionedCycleStore { return try PartitionedClose.close(comparison, foldBefore: end, store: shared) }
            return try store.closeCycle(id: record.id, foldBefore: end) { reader in try comparison.run(reader) }
        }
        return closed.map {
            CloseOutcome.Closed(
                cycle: $0, findings: comparison.reported,
                copiedAfterEnd: comparison.notCompared.filter { $0.scope == .copiedAfterEnd }.map(\.mapping))
        }
    }

    /// Folds into row state the changes of the cycles a shared store closed without folding them
    /// (``PartitionedCycleStore/foldClosedChanges()``): after the verdicts are recorded, by whichever process is free.
    private static func foldClosedChanges(_ store: any Store) throws(EngineError) {
        guard let shared = store as? any PartitionedCycleStore else { return }
        _ = try storeCall { try shared.foldClosedChanges() }
    }

    /// Logs each copied mapping with key normalizers that a shared store's closes compare whole, on the coordinator,
    /// because its keys are placed by other normalizers than the config's (changed after the mapping was copied).
    private static func warnComparedWhole(
        _ configuration: ParityConfiguration, store: any Store, uninitialized: [String], logger: Logger
    ) throws(EngineError) {
        guard let shared = store as? any PartitionedCycleStore else { return }
        let placed = try storeCall { try shared.keyPlacements() }
        let comparedWhole = configuration.tables.filter { mapping in
            !uninitialized.contains(mapping.name) && !CycleComparison.isPlacedByItsNormalizers(mapping, placements: placed)
        }
        for mapping in comparedWhole {
            logger.warning(
                """
                table mapping \(mapping.name) is compared whole by the close's coordinator, not by part: its keys are placed by the key \
                normalizers it was copied with, not the config's; to compare it by part again, run parity init --remove \(mapping.name), \
                then parity init --add \(mapping.name)
                """, metadata: .parity([.mapping: mapping.name]))
        }
    }

    private static func wait(
        _ window: CycleWindow, _ readiness: CloseReadiness, calendar: CycleCalendar, watermarks: [SourceSide: Date]
    ) -> CloseWait {
        let (seconds, attoseconds) = calendar.settle.components
        let due = window.end.addingTimeInterval(Double(seconds) + Double(attoseconds) / 1e18)
        guard case .waiting(let sources) = readiness else { return CloseWait(label: window.label, due: due, behind: []) }
        return CloseWait(label: window.label, due: due, behind: sources.map { ($0, watermarks[$0] ?? Date(timeIntervalSince1970: 0)) })
    }

    private static func storeCall<T>(_ body: () throws -> T) throws(EngineError) -> T {
        try EngineError.storing(doing: "closing cycles", fix: "check the store (store.path or store.url) can be read and written", body)
    }
}
