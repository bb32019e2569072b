import ParityModel

/// Builds the decisions contract: every disposition (with owner and note), tolerance and documented legacy object as
/// a documented expectation, with the fingerprint an export records.
public enum DecisionsContract {
    /// The contract of `decisions`.
    public static func contract(id: String, decisions: Decisions) -> Contract {
        let count = { (kind: DecisionExpectation.Kind) in decisions.expectations.filter { $0.kind == kind }.count }
        return Contract(
            id: id, kind: .decisions,
            description: "What the team decided about the differences and the legacy objects: each disposition, tolerance and "
                + "documented object as an expectation of the new system. These are decisions, not captured behaviour.",
            subject: [:],
            evidence: [
                "dispositions": .count(count(.disposition)), "tolerances": .count(count(.tolerance)),
                "documented_objects": .count(count(.documentedObject)), "fingerprint": .text(decisions.fingerprint),
            ],
            expectations: decisions.expectations.map { expectation in
                var masked = expectation
                masked.note = expectation.note.map(SecretMask.masked)
                return masked
            })
    }
}
