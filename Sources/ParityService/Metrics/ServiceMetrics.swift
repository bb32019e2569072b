import Foundation
import Metrics
import ParityConfig
import ParityStore
import Prometheus
import Reconciliation
import ReplicationStream
import Synchronization

/// The service's metrics, created once with bounded labels (`source`, `status`, `kind`, `mapping`) in a registry of
/// its own, and rendered as Prometheus text for `/metrics`.
final class ServiceMetrics: Sendable {
    private let registry = PrometheusCollectorRegistry()
    private let capture: [SourceSide: SourceMetrics]
    private let cyclesClosed: [String: Metrics.Counter]
    private let lastCycleID: Meter
    private let lastCycleFindings: [FindingKind: Meter]
    private let lastCycleUnexplainedRate: Meter
    private let gateResult: Meter
    /// Open differences by mapping and kind, and the age of each mapping's oldest (bounded: the config's mappings).
    private let openDifferences: [String: [FindingKind: Meter]]
    private let oldestOpenDifference: [String: Meter]
    /// Totals already counted, per source, so counters grow by what the streams added since the last sample.
    private let counted = Mutex<[SourceSide: SourceTotals]>([:])

    /// One source's series.
    private struct SourceMetrics: Sendable {
        let lagBytes: Meter
        let lagSeconds: Meter
        let streaming: Meter
        let changes: Metrics.Counter
        let transactions: Metrics.Counter
        let reconnects: Metrics.Counter
        /// Commit-to-durable lag percentiles since start, by percentile.
        let commitLag: [Int: Meter]
    }

    /// The commit-to-durable lag percentiles exported, with their `quantile` label.
    private static let lagPercentiles = [(percent: 50, quantile: "0.5"), (percent: 99, quantile: "0.99")]

    private struct SourceTotals: Sendable {
        var changes = 0
        var transactions = 0
        var reconnects = 0
    }

    /// Creates the series; `mappings` are the configured table mappings' names.
    init(mappings: [String]) {
        let factory = PrometheusMetricsFactory(registry: registry)
        capture = Dictionary(uniqueKeysWithValues: SourceSide.allCases.map { side in
            let labels = [("source", side.rawValue)]
            return (side, SourceMetrics(
                lagBytes: Meter(label: "parity_capture_lag_bytes", dimensions: labels, factory: factory),
                lagSeconds: Meter(label: "parity_capture_lag_seconds", dimensions: labels, factory: factory),
                streaming: Meter(label: "parity_capture_streaming", dimensions: labels, factory: factory),
                changes: Metrics.Counter(label: "parity_capture_changes_total", dimensions: labels, factory: factory),
                transactions: Metrics.Counter(label: "parity_capture_transactions_total", dimensions: labels, factory: factory),
                reconnects: Metrics.Counter(label: "parity_capture_reconnects_total", dimensions: labels, factory: factory),
                commitLag: Dictionary(uniqueKeysWithValues: Self.lagPercentiles.map { percentile in
                    (percentile.percent, Meter(
                        label: "parity_capture_commit_lag_milliseconds", dimensions: labels + [("quantile", percentile.quantile)],
                        factory: factory))
                })))
        })
        cyclesClosed = Dictionary(uniqueKeysWithValues: ["closed", "forced"].map { status in
            (status, Metrics.Counter(label: "parity_cycles_closed_total", dimensions: [("status", status)], factory: factory))
        })
        lastCycleID = Meter(label: "parity_last_cycle_id", factory: factory)
        lastCycleFindings = Dictionary(uniqueKeysWithValues: FindingKind.allCases.map { kind in
            (kind, Meter(label: "parity_last_cycle_findings", dimensions: [("kind", kind.rawValue)], factory: factory))
        })
        lastCycleUnexplainedRate = Meter(label: "parity_last_cycle_unexplained_rate", factory: factory)
        gateResult = Meter(label: "parity_gate_result", factory: factory)
        openDifferences = Dictionary(uniqueKeysWithValues: mappings.map { mapping in
            (mapping, Dictionary(uniqueKeysWithValues: FindingKind.allCases.filter(\.isDifference).map { kind in
                (kind, Meter(label: "parity_open_differences", dimensions: [("mapping", mapping), ("kind", kind.rawValue)], factory: factory))
            }))
        })
        oldestOpenDifference = Dictionary(uniqueKeysWithValues: mappings.map { mapping in
            (mapping, Meter(label: "parity_open_difference_oldest_age_seconds", dimensions: [("mapping", mapping)], factory: factory))
        })
    }

    /// Counts a cycle closed by the scheduler.
    func recordClose(status: String) {
        cyclesClosed[status]?.increment()
    }

    /// Records the latest gate evaluation: 1 pass, 0 fail, -1 not evaluated.
    func recordGate(_ result: GateReport.Result) {
        gateResult.set(result == .pass ? 1.0 : result == .fail ? 0.0 : -1.0)
    }

    /// Updates the capture series from the streams (and each source's watermark in the store) and the
    /// last-cycle series from the store, then renders every series as Prometheus text.
    func render(states: [(side: SourceSide, state: ReplicationStreamState)], store: ParityStore, now: Date = Date()) -> String {
        let watermarks = Dictionary(((try? store.sourceRecords()) ?? []).map { ($0.side, $0.watermark) }) { first, _ in first }
        for (side, state) in states {
            guard let series = capture[side] else { continue }
            series.lagBytes.set(Double(state.lagBytes))
            if let watermark = watermarks[side.rawValue] {
                series.lagSeconds.set(max(0, now.timeIntervalSince(StoreTime.date(watermark))))
            }
            series.streaming.set(state.status == .streaming ? 1.0 : 0.0)
            for (percent, meter) in series.commitLag {
                if let milliseconds = state.commitLag.percentile(percent) { meter.set(milliseconds) }
            }
            let added = counted.withLock { totals in
                let before = totals[side] ?? SourceTotals()
                let after = SourceTotals(changes: state.changesApplied, transactions: state.transactionsApplied, reconnects: state.reconnectCount)
                totals[side] = after
                return SourceTotals(
                    changes: max(0, after.changes - before.changes), transactions: max(0, after.transactions - before.transactions),
                    reconnects: max(0, after.reconnects - before.reconnects))
            }
            series.changes.increment(by: added.changes)
            series.transactions.increment(by: added.transactions)
            series.reconnects.increment(by: added.reconnects)
        }
        let cycles = (try? store.cycles()) ?? []
        recordOpenDifferences(store: store, cycles: cycles, now: now)
        if let cycle = cycles.last {
            lastCycleID.set(Double(cycle.id))
            if let rate = Double(cycle.unexplainedRate) { lastCycleUnexplainedRate.set(rate) }
            let tables = (try? store.cycleTables(cycle: cycle.id)) ?? []
            for (kind, meter) in lastCycleFindings {
                meter.set(Double(tables.reduce(0) { $0 + ($1.findingsByKind[kind.rawValue] ?? 0) }))
            }
        }
        return registry.emitToString()
    }

    /// Sets the open-differences series from the ledger: a count per mapping and kind (0 when none), and per mapping the
    /// seconds since the end of the cycle that first saw its oldest open difference (0 when none is open).
    private func recordOpenDifferences(store: ParityStore, cycles: [CycleRecord], now: Date) {
        guard let counts = try? store.openDifferenceCounts() else { return }
        let ends = Dictionary(cycles.map { ($0.id, StoreTime.date($0.end)) }, uniquingKeysWith: { first, _ in first })
        for (mapping, meters) in openDifferences {
            let rows = counts.filter { $0.mapping == mapping }
            for (kind, meter) in meters {
                meter.set(Double(rows.first { $0.kind == kind.rawValue }?.open ?? 0))
            }
            let oldest = rows.map(\.oldestFirstSeen).min().flatMap { ends[$0] }
            oldestOpenDifference[mapping]?.set(oldest.map { max(0, now.timeIntervalSince($0)) } ?? 0)
        }
    }
}
