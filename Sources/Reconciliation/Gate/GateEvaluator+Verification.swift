import Foundation
import ParityConfig
import ParityModel

extension GateEvaluator {
    /// A recent clean `parity verify --sources` (at most `verify.max_age` old), and no failed `--state` since.
    static func verification(_ verification: VerificationStatus, at now: Date) -> GateCriterion {
        let command = "parity verify --sources"
        guard let sources = verification.lastSources else {
            return GateCriterion(
                name: .verification, result: .fail,
                evidence: "no parity verify --sources recorded: nothing proves the store still equals the sources", command: command)
        }
        let age = Int64(now.timeIntervalSince(sources.checkedAt).rounded(.down))
        let maxAge = verification.maxAge.components.seconds
        var details: [String] = []
        if !sources.passed {
            details.append("the last verify --sources (\(StoreTime.iso(sources.checkedAt))) found \(sources.problems) capture drift(s)")
        }
        if age > maxAge {
            details.append("the last verify --sources is \(Duration.seconds(age).parityText) old > verify.max_age \(verification.maxAge.parityText)")
        }
        if let state = verification.lastState, !state.passed {
            details.append("the last verify --state (\(StoreTime.iso(state.checkedAt))) found \(state.problems) ledger discrepancy(ies)")
        }
        let checked = sources.sources.isEmpty ? "" : " (\(sources.sources.map(\.rawValue).joined(separator: ", ")))"
        return judged(
            .verification, details: details,
            pass: "verify --sources at \(StoreTime.iso(sources.checkedAt))\(checked): the store equalled the sources, "
                + "\(Duration.seconds(age).parityText) ago ≤ \(verification.maxAge.parityText)",
            fail: "\(details.count) problem(s) with the store's verification",
            command: details.contains { $0.contains("verify --state") } && details.count == 1 ? "parity verify --state" : command)
    }
}
