import Logging
import ParityEngine
import ParityLogging

extension Logger {
    /// Logs a cycle a close recorded: its id, label, status, findings and unexplained rate.
    func cycleClosed(_ closed: CloseOutcome.Closed) {
        info("cycle closed", metadata: .parity([
            .cycle: String(closed.cycle.id), .label: closed.cycle.label, .status: closed.cycle.status.rawValue,
            .findings: String(closed.findings), .unexplainedRate: closed.cycle.unexplainedRate,
        ]))
    }
}
