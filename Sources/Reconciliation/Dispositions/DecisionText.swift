/// A category's decision in words, as the gate's evidence and the reports' text show it.
public enum DecisionText {
    /// `legacy_bug (store) by ops, expires 2026-12-31, ticket OPS-12: "legacy wrote S as P"`; `none` when nothing decides it,
    /// then what was set aside: an expired decision, a stored decision the config overrides, a recurrence.
    public static func standing(_ verdict: CategoryVerdict) -> String {
        var text = verdict.disposition.map { disposition in
            "\(disposition.rawValue) (\(verdict.source?.rawValue ?? ""))" + (verdict.owner.map { " by \($0)" } ?? "")
                + (verdict.source == .store ? terms(verdict.decision) : "") + (verdict.note.map { ": \"\($0)\"" } ?? "")
        } ?? "none"
        if let expiry = expiry(verdict) { text += "; \(expiry)" }
        if verdict.overridden, let decision = verdict.decision {
            text += "; the config's dispositions[] rule wins over the stored decision \(decision.disposition.rawValue) by \(decision.owner)"
        }
        if let reopened = verdict.reopened { text += "; REOPENED: \(reopened.text)" }
        return text
    }

    /// `the stored decision legacy_bug by ops expired on 2026-11-20`; nil unless it expired.
    public static func expiry(_ verdict: CategoryVerdict) -> String? {
        guard verdict.expired, let decision = verdict.decision, let expires = decision.expires else { return nil }
        return "the stored decision \(decision.disposition.rawValue) by \(decision.owner) expired on \(expires)"
    }

    /// `orders.status value_mismatch: reopened: decided match by dev ("map shipped") after cycle 3, none open at cycle 5, open
    /// again at cycle 7; decide again with parity disposition set`.
    public static func reopening(_ verdict: CategoryVerdict) -> String {
        let decision = verdict.decision
        let after = decision?.afterCycle.map { " after cycle \($0)" } ?? ""
        return "\(verdict.category): reopened: decided match by \(decision?.owner ?? "-") (\"\(decision?.note ?? "")\")\(after), "
            + (verdict.reopened?.text ?? "") + "; decide again with parity disposition set"
    }

    /// `, expires 2026-12-31, ticket OPS-12`.
    private static func terms(_ decision: DispositionDecision?) -> String {
        (decision?.expires.map { ", expires \($0)" } ?? "") + (decision?.ticket.map { ", ticket \($0)" } ?? "")
    }
}
