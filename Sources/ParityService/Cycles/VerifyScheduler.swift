import Foundation
import Logging
import ParityConfig
import ParityEngine
import ParityLogging
import ParityModel
import ParityStore
import Reconciliation
import Reports
import ServiceLifecycle
import SourceQueries

/// Runs `verify --sources` and `verify --state` on `verify.schedule` (at start when none was recorded in the last period,
/// then whenever one is due, looked at every `checkInterval`), records both, and logs what they found. Workers sharing a
/// store look under its verification lock, so one verifies and the others find it recorded.
struct VerifyScheduler: Service {
    let state: ServiceState
    /// The store workers share, whose verification lock each look is taken under; nil for `parity run`.
    var shared: (any SharedStore)?
    let logger: Logger
    /// How often a due verification is looked for.
    var checkInterval: Duration = .seconds(60)

    func run() async throws {
        guard let period = state.configuration.verify.schedule.period else {
            // Off: stay until shutdown, since a service that returns ends the whole group.
            try? await gracefulShutdown()
            return
        }
        for await _ in Ticks(interval: checkInterval).cancelOnGracefulShutdown() {
            await verifyIfDue(period: period)
        }
    }

    private func verifyIfDue(period: Duration) async {
        let (configuration, store, logger) = (state.configuration, state.store, logger)
        var lease: (any VerificationLease)?
        if let shared {
            do {
                lease = try await Blocking.run { () throws(StoreError) in try shared.lockVerification(holder: "parity worker") }
            } catch {
                logger.warning("the verification lock could not be taken; looking again at the next check",
                               metadata: .parity([.error: Redaction.redact("\(error)")]))
            }
            guard lease != nil else { return }
        }
        defer { withExtendedLifetime(lease) {} }
        let now = Date()
        do {
            let last = try store.lastVerification(mode: .sources)
            if let last, now.timeIntervalSince(StoreTime.date(last.checkedAt)) < Double(period.components.seconds) { return }
        } catch {
            logger.warning("the last verification could not be read from the store; verifying now",
                           metadata: .parity([.error: Redaction.redact("\(error)")]))
        }
        do {
            let sources = try await Blocking.run { () throws(EngineError) in
                let report = try SourceVerifier.run(configuration, store: store, logger: logger)
                try VerificationHistory.record(report, document: SourceVerificationRenderer.render(report, format: .json), store: store)
                return report
            }
            log("sources", problems: sources.drifts.count)
            // The ledger has nothing to be checked against before the baseline closes.
            guard try store.latestCycle() != nil else { return }
            let ledger = try await Blocking.run { () throws(EngineError) in
                let report = try StateVerifier.run(configuration, store: store, logger: logger)
                try VerificationHistory.record(report, document: StateVerificationRenderer.render(report, format: .json), store: store)
                return report
            }
            log("state", problems: ledger.discrepancies.count)
        } catch {
            logger.warning("scheduled verification failed; tried again at the next check",
                           metadata: .parity([.error: Redaction.redact("\(error)")]))
        }
    }

    private func log(_ mode: String, problems: Int) {
        let metadata = Logger.Metadata.parity([.verify: mode, .problems: String(problems)])
        if problems == 0 {
            logger.info("verification passed", metadata: metadata)
        } else {
            logger.error("verification found problems: run parity verify --\(mode) for the list", metadata: metadata)
        }
    }
}
