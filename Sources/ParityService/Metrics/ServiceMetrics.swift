import Foundation
import ParityConfig
import ParityEngine
import ParityModel
import ParityStore
import Prometheus
import Reconciliation
import ReplicationStream
import SourceQueries
import Synchronization

/// The service's metrics, created once with bounded labels (`source`, `status`, `kind`, `mapping`) and a HELP text each
/// in a registry of their own, and rendered as Prometheus text for `/metrics` (`promtool check metrics` passes).
final class ServiceMetrics: Sendable {
    private let registry = PrometheusCollectorRegistry()
    private let capture: [SourceSide: SourceMetrics]
    private let cyclesClosed: [CycleStatus: Counter]
    private let lastCycleID: Gauge
    private let lastCycleEnd: Gauge
    private let lastCycleClosed: Gauge
    private let lastCycleFindings: [FindingKind: Gauge]
    private let lastCycleUnexplainedRate: Gauge
    private let gateResult: Gauge
    /// 1 when the last render read everything it needed from the store, 0 when a read failed.
    private let storeReadable: Gauge
    private let foldWaiting: Gauge
    /// Open differences by mapping and kind, and the age of each mapping's oldest (bounded: the config's mappings).
    private let openDifferences: [String: [FindingKind: Gauge]]
    private let oldestOpenDifference: [String: Gauge]
    /// Totals already counted, per source, so counters grow by what the streams added since the last sample.
    private let counted = Mutex<[SourceSide: SourceTotals]>([:])
    /// The slots as last read from the sources, and when: read at most every ``slotReadInterval``.
    private let slots = Mutex<(readAt: Date, readings: [SourceSide: SlotReading])?>(nil)

    /// What the last read of a source's slot found.
    private enum SlotReading: Sendable {
        /// The slot, retaining this many bytes of WAL.
        case retained(Int64)
        /// No such slot on the source: it retains nothing, and capture cannot resume from it.
        case gone
        /// The source could not be read.
        case unreadable
    }

    /// One source's series.
    private struct SourceMetrics: Sendable {
        let lagBytes: Gauge
        let lagSeconds: Gauge
        let streaming: Gauge
        let retainedWAL: Gauge
        let slotReadable: Gauge
        let changes: Counter
        let transactions: Counter
        let reconnects: Counter
    }

    private struct SourceTotals: Sendable {
        var changes = 0
        var transactions = 0
        var reconnects = 0
    }

    /// The upper bounds of the commit-to-durable histogram's buckets, in seconds.
    static let commitLagBuckets: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60]
    /// How often the slots' retained WAL is read from the sources (a query on each), whatever the scrape interval.
    static let slotReadInterval: TimeInterval = 30

    /// Creates the series; `mappings` are the configured table mappings' names.
    init(mappings: [String]) {
        let registry = registry
        // Each name is written whole (its unit in it), so the descriptor has no separate unit.
        func gauge(_ name: String, _ labels: [(String, String)], _ help: String) -> Gauge {
            registry.makeGauge(descriptor: MetricNameDescriptor(metricName: name, unitName: "", helpText: help), labels: labels)
        }
        func counter(_ name: String, _ labels: [(String, String)], _ help: String) -> Counter {
            registry.makeCounter(descriptor: MetricNameDescriptor(metricName: name, unitName: "", helpText: help), labels: labels)
        }
        capture = Dictionary(uniqueKeysWithValues: SourceSide.allCases.map { side in
            let labels = [("source", side.rawValue)]
            return (side, SourceMetrics(
                lagBytes: gauge("parity_capture_lag_bytes", labels, "WAL the server sent past what the store holds durably, in bytes."),
                lagSeconds: gauge(
                    "parity_capture_lag_seconds", labels, "How far the source's complete-through watermark trails the clock, in seconds."),
                streaming: gauge("parity_capture_streaming", labels, "1 while the source streams into the store, 0 otherwise."),
                retainedWAL: gauge(
                    "parity_capture_slot_retained_wal_bytes", labels,
                    "WAL the source keeps for Parity's slot (pg_current_wal_lsn() - restart_lsn), in bytes; read every 30 s."),
                slotReadable: gauge(
                    "parity_capture_slot_readable", labels,
                    "1 when the last read of Parity's slot on the source found it, 0 when the slot is gone (retained WAL 0) or the "
                        + "source could not be read (retained WAL keeps its last value)."),
                changes: counter("parity_capture_changes_total", labels, "Row changes applied to the store."),
                transactions: counter("parity_capture_transactions_total", labels, "Transactions applied to the store."),
                reconnects: counter("parity_capture_reconnects_total", labels, "Connections lost or refused and tried again.")))
        })
        cyclesClosed = Dictionary(uniqueKeysWithValues: CycleStatus.allCases.map { status in
            (status, counter("parity_cycles_closed_total", [("status", status.rawValue)], "Cycles closed by the service, by how they closed."))
        })
        lastCycleID = gauge("parity_last_cycle_id", [], "The id of the last closed cycle.")
        lastCycleEnd = gauge("parity_last_cycle_end_timestamp_seconds", [], "The end of the last closed cycle's window, Unix time.")
        lastCycleClosed = gauge("parity_last_cycle_closed_timestamp_seconds", [], "When the last cycle was closed, Unix time.")
        lastCycleFindings = Dictionary(uniqueKeysWithValues: FindingKind.allCases.map { kind in
            (kind, gauge("parity_last_cycle_findings", [("kind", kind.rawValue)], "Findings of the last closed cycle, by kind."))
        })
        lastCycleUnexplainedRate = gauge(
            "parity_last_cycle_unexplained_rate", [], "Unexplained findings per key compared in the last closed cycle (0 to 1).")
        gateResult = gauge("parity_gate_result", [], "The last gate evaluation: 1 pass, 0 fail, -1 not evaluated.")
        storeReadable = gauge(
            "parity_store_readable", [],
            "1 when the last scrape read the store, 0 when a read failed (the series read from the store then keep their last values).")
        foldWaiting = gauge(
            "parity_fold_waiting_seconds", [],
            "Seconds since the last cycle was closed while closed cycles' changes still wait to be folded into row state "
                + "(PostgreSQL store, whose workers fold after a close; 0 when none wait, and always for the SQLite store).")
        openDifferences = Dictionary(uniqueKeysWithValues: mappings.map { mapping in
            (mapping, Dictionary(uniqueKeysWithValues: FindingKind.allCases.filter(\.isDifference).map { kind in
                (kind, gauge("parity_open_differences", [("mapping", mapping), ("kind", kind.rawValue)],
                             "Differences open in the ledger now, whatever cycle found them."))
            }))
        })
        oldestOpenDifference = Dictionary(uniqueKeysWithValues: mappings.map { mapping in
            (mapping, gauge("parity_open_difference_oldest_age_seconds", [("mapping", mapping)],
                            "Seconds since the end of the cycle that first saw the mapping's oldest open difference (0 when none)."))
        })
        gauge("parity_build_info", [("version", ParityVersion.current)], "Parity's version; always 1.").set(to: 1.0)
    }

    /// Counts a cycle closed by the scheduler.
    func recordClose(status: CycleStatus) {
        cyclesClosed[status]?.increment()
    }

    /// Records the latest gate evaluation: 1 pass, 0 fail, -1 not evaluated.
    func recordGate(_ result: GateReport.Result) {
        gateResult.set(result == .pass ? 1.0 : result == .fail ? 0.0 : -1.0)
    }

    /// Updates the capture series from the streams captured in this process and the store (each source's watermark, its
    /// slot's retained WAL from the source every 30 s, and for a source another worker captures, whether that capture
    /// stored a message recently), and the last-cycle series from the store, then renders every series as Prometheus
    /// text.
    func render(
        states: [(side: SourceSide, state: ReplicationStreamState)], store: any Store, configuration: ParityConfiguration,
        now: Date = Date()
    ) -> String {
        var readable = true
        func read<T>(_ body: () throws -> T?) -> T? {
            do {
                return try body()
            } catch {
                readable = false
                return nil
            }
        }
        let records = read { try store.sourceRecords() } ?? []
        let slots = readSlots(records, configuration: configuration, now: now)
        for record in records {
            guard let series = capture[record.side] else { continue }
            series.lagSeconds.set(max(0, now.timeIntervalSince(StoreTime.date(record.watermark))))
            switch slots[record.side] {
            case .retained(let bytes):
                series.retainedWAL.set(Double(bytes))
                series.slotReadable.set(1.0)
            case .gone:
                series.retainedWAL.set(0.0)
                series.slotReadable.set(0.0)
            case .unreadable, nil:
                series.slotReadable.set(0.0)
            }
            // A source another worker captures streams while its capture stores messages, as readiness judges it.
            if !states.contains(where: { $0.side == record.side }) {
                let streaming = record.lastMessageAt.map { now.timeIntervalSince(StoreTime.date($0)) <= Readiness.staleAfter } == true
                series.streaming.set(streaming ? 1.0 : 0.0)
            }
        }
        for (side, state) in states {
            guard let series = capture[side] else { continue }
            series.lagBytes.set(Double(state.lagBytes))
            series.streaming.set(state.status == .streaming ? 1.0 : 0.0)
            let added = counted.withLock { totals in
                let before = totals[side] ?? SourceTotals()
                let after = SourceTotals(changes: state.changesApplied, transactions: state.transactionsApplied, reconnects: state.reconnectCount)
                totals[side] = after
                return SourceTotals(
                    changes: max(0, after.changes - before.changes), transactions: max(0, after.transactions - before.transactions),
                    reconnects: max(0, after.reconnects - before.reconnects))
            }
            series.changes.increment(by: Int64(added.changes))
            series.transactions.increment(by: Int64(added.transactions))
            series.reconnects.increment(by: Int64(added.reconnects))
        }
        if let counts = read({ try store.openDifferenceCounts() }) {
            // The cycles that first saw each mapping's oldest open difference, read one by one: not every cycle ever closed.
            let ends = Dictionary(uniqueKeysWithValues: Set(counts.map(\.oldestFirstSeen)).compactMap { id in
                read { try store.cycle(id: id) }.map { (id, StoreTime.date($0.end)) }
            })
            recordOpenDifferences(counts, ends: ends, now: now)
        }
        if let cycle = read({ try store.latestCycle() }) {
            lastCycleID.set(Double(cycle.id))
            lastCycleEnd.set(Double(cycle.end) / 1_000_000)
            lastCycleClosed.set(Double(cycle.closedAt) / 1_000_000)
            if let rate = Double(cycle.unexplainedRate) { lastCycleUnexplainedRate.set(rate) }
            let tables = read { try store.cycleTables(cycle: cycle.id) } ?? []
            for (kind, meter) in lastCycleFindings {
                meter.set(Double(tables.reduce(0) { $0 + ($1.findingsByKind[kind.rawValue] ?? 0) }))
            }
            if let shared = store as? any PartitionedCycleStore, let waiting = read({ try shared.closedChangesWaiting() }) {
                foldWaiting.set(waiting ? max(0, now.timeIntervalSince(StoreTime.date(cycle.closedAt))) : 0)
            }
        }
        storeReadable.set(readable ? 1.0 : 0.0)
        return registry.emitToString() + Self.commitLagHistogram(states)
    }

    /// `parity_capture_commit_to_durable_seconds`: since start, how long each applied transaction took from its commit on
    /// the source to durable in the store, as a Prometheus histogram built from the streams' exact per-millisecond counts.
    static func commitLagHistogram(_ states: [(side: SourceSide, state: ReplicationStreamState)]) -> String {
        let name = "parity_capture_commit_to_durable_seconds"
        var lines = [
            "# HELP \(name) Time from a transaction's commit on the source to durable in the store, since start.",
            "# TYPE \(name) histogram",
        ]
        for (side, state) in states.sorted(by: { $0.side.rawValue < $1.side.rawValue }) {
            let lag = state.commitLag
            for bound in commitLagBuckets {
                lines.append("\(name)_bucket{source=\"\(side.rawValue)\",le=\"\(bound)\"} \(lag.count(atMost: Int((bound * 1000).rounded())))")
            }
            lines.append("\(name)_bucket{source=\"\(side.rawValue)\",le=\"+Inf\"} \(lag.transactions)")
            lines.append("\(name)_sum{source=\"\(side.rawValue)\"} \(Double(lag.totalMilliseconds) / 1000)")
            lines.append("\(name)_count{source=\"\(side.rawValue)\"} \(lag.transactions)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Each source's slot as read from the source, at most every ``slotReadInterval``.
    private func readSlots(_ records: [SourceRecord], configuration: ParityConfiguration, now: Date) -> [SourceSide: SlotReading] {
        if let cached = slots.withLock({ $0 }), now.timeIntervalSince(cached.readAt) < Self.slotReadInterval { return cached.readings }
        var readings: [SourceSide: SlotReading] = [:]
        for record in records {
            do {
                let slot = try SlotReader.read(configuration.sources[record.side], slot: record.slot)
                readings[record.side] = slot.exists ? .retained(slot.retainedBytes) : .gone
            } catch {
                readings[record.side] = .unreadable
            }
        }
        slots.withLock { $0 = (now, readings) }
        return readings
    }

    /// Sets the open-differences series from the ledger: a count per mapping and kind (0 when none), and per mapping the
    /// seconds since the end of the cycle that first saw its oldest open difference (`ends`, by cycle; 0 when none is open).
    private func recordOpenDifferences(_ counts: [OpenDifferenceCount], ends: [Int64: Date], now: Date) {
        for (mapping, meters) in openDifferences {
            let rows = counts.filter { $0.mapping == mapping }
            for (kind, meter) in meters {
                meter.set(Double(rows.first { $0.kind == kind }?.open ?? 0))
            }
            let oldest = rows.map(\.oldestFirstSeen).min().flatMap { ends[$0] }
            oldestOpenDifference[mapping]?.set(oldest.map { max(0, now.timeIntervalSince($0)) } ?? 0)
        }
    }
}
