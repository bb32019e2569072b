/// One decision the team made (a disposition, a tolerance, a documented legacy object), written as an expectation a
/// new system's test suite can document or check.
public struct DecisionExpectation: Sendable, Equatable {
    /// What kind of decision it is.
    public enum Kind: String, Sendable, Equatable {
        /// A `dispositions[]` rule.
        case disposition
        /// A column's or an aggregate's `tolerance`.
        case tolerance
        /// A `hidden_state.documented` object.
        case documentedObject = "documented_object"
    }

    /// What kind of decision it is.
    public var kind: Kind
    /// What it applies to (`table`, `column`, `finding_kind`, `pattern`, `aggregate`, `object`, …) → text.
    public var appliesTo: [String: String]
    /// The decision: the disposition, the tolerance, or what happens to the documented object.
    public var decision: String
    /// Who owns it, when the config says.
    public var owner: String?
    /// Why, when the config says.
    public var note: String?
    /// What the new system is expected to do, in one sentence.
    public var expectation: String

    /// Creates an expectation.
    public init(
        kind: Kind, appliesTo: [String: String], decision: String, owner: String? = nil, note: String? = nil, expectation: String
    ) {
        self.kind = kind
        self.appliesTo = appliesTo
        self.decision = decision
        self.owner = owner
        self.note = note
        self.expectation = expectation
    }

    /// The expectation as one canonical line (fields in a fixed order, separated by U+001F): what the fingerprint hashes.
    var canonicalLine: String {
        let applies = appliesTo.keys.sorted().map { "\($0)=\(appliesTo[$0] ?? "")" }
        return ([kind.rawValue] + applies + [decision, owner ?? "", note ?? ""]).joined(separator: "\u{1F}")
    }
}
