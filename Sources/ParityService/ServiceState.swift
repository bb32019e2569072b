import Foundation
import Logging
import ParityConfig
import ParityEngine
import ParityLogging
import ParityModel
import ParityStore
import Reconciliation
import SourceQueries
import Synchronization

/// What the services share: the configuration, the store, the capture session, the metrics and the latest
/// legacy inventory. Everything here is safe to read from any request or service.
final class ServiceState: Sendable {
    let configuration: ParityConfiguration
    let store: any Store
    /// The captures running in this process (a worker's other source may be captured by another worker).
    let captures: CaptureStates
    let metrics: ServiceMetrics
    private let latestInventory = Mutex<InventoryCommand.Outcome?>(nil)

    init(configuration: ParityConfiguration, store: any Store, captures: CaptureStates, metrics: ServiceMetrics) {
        self.configuration = configuration
        self.store = store
        self.captures = captures
        self.metrics = metrics
    }

    /// Readiness now: both sources streaming recently and the store writable (the SQLite file), or answering (the
    /// PostgreSQL store's server, which a reader of one small table reaches). A source another worker captures counts
    /// as streaming when its capture stored a message recently.
    func readiness(now: Date = Date()) -> Readiness {
        let local = captures.states
        let elsewhere = SourceSide.allCases.filter { side in !local.contains { $0.side == side } }
        let sqlite = configuration.store.url == nil
        // One read of the store serves both: whether it answers, and what other processes' captures stored.
        let records = sqlite && elsewhere.isEmpty ? nil : try? store.sourceRecords()
        return Readiness(
            states: local,
            elsewhere: elsewhere.map { side in (side, records?.first { $0.side == side }?.lastMessageAt.map(StoreTime.date)) },
            storeWritable: sqlite ? FileManager.default.isWritableFile(atPath: configuration.store.path) : records != nil, now: now)
    }

    /// The legacy inventory taken at the last cycle close, or taken now when none was yet.
    func inventory() async throws(EngineError) -> InventoryCommand.Outcome {
        if let cached = latestInventory.withLock({ $0 }) { return cached }
        return try await refreshInventory()
    }

    /// Takes the legacy inventory again (it connects to legacy) and keeps it for ``inventory()``.
    @discardableResult
    func refreshInventory() async throws(EngineError) -> InventoryCommand.Outcome {
        let configuration = configuration
        let outcome = try await Blocking.run { () throws(EngineError) in try InventoryCommand.run(configuration, side: .legacy) }
        latestInventory.withLock { $0 = outcome }
        return outcome
    }

    /// Evaluates the decommission gate now (without recording it in the gate history) and updates its metric.
    func evaluateGate() async throws(EngineError) -> GateReport {
        let (configuration, store) = (configuration, store)
        let report = try await Blocking.run { () throws(EngineError) in
            GateEvaluator.evaluate(try GateLoader.load(configuration, store: store), configuration: configuration.gate)
        }
        metrics.recordGate(report.result)
        return report
    }

    /// After a cycle closed (in this process or, for a worker, in another): takes the legacy inventory again and
    /// evaluates the gate for its metric, logging each.
    func refreshAfterClose(logger: Logger) async {
        do {
            let inventory = try await refreshInventory()
            logger.info("legacy inventory taken", metadata: .parity([.undocumented: String(inventory.inventory.undocumented.count)]))
        } catch {
            logger.warning("taking the legacy inventory failed", metadata: .parity([.error: Redaction.redact(error.description)]))
        }
        do {
            let gate = try await evaluateGate()
            logger.info("gate evaluated", metadata: .parity([.gate: gate.result.rawValue]))
        } catch {
            logger.warning("evaluating the gate failed", metadata: .parity([.error: Redaction.redact(error.description)]))
        }
    }
}
