/// A behaviour of the legacy system learned from captured evidence, written down as test vectors a new system's test
/// suite can run (`parity contracts export`, schema `parity.contract/1` in docs/json-schemas.md).
public struct Contract: Sendable, Equatable {
    /// The file name stem, unique per export: `rounding.orders.amount`.
    public var id: String
    /// What kind of behaviour it pins down.
    public var kind: ContractKind
    /// One plain sentence or two for people.
    public var description: String
    /// What it is about (`mapping`, `column`, `trigger`, `table`, …) → name.
    public var subject: [String: String]
    /// What the evidence shows, by name (`cycles`, `rows`, `ties`, `legacy_mode`, …).
    public var evidence: [String: ContractFact]
    /// Inputs → the legacy output (and the new output where it differs), sampled from captured rows.
    public var vectors: [ContractVector]
    /// For `decisions`: each decision as a documented expectation; empty otherwise.
    public var expectations: [DecisionExpectation]

    /// Creates a contract.
    public init(
        id: String, kind: ContractKind, description: String, subject: [String: String], evidence: [String: ContractFact] = [:],
        vectors: [ContractVector] = [], expectations: [DecisionExpectation] = []
    ) {
        self.id = id
        self.kind = kind
        self.description = description
        self.subject = subject
        self.evidence = evidence
        self.vectors = vectors
        self.expectations = expectations
    }
}

/// The kinds of contract an export writes, in the order it writes them.
public enum ContractKind: String, Sendable, Equatable, CaseIterable {
    /// How a decimal column with a source expression rounds (ties as the proof).
    case rounding
    /// How a header's total relates to its lines (`line_items`).
    case totals
    /// How a column's codes translate (`map`).
    case valueMap = "value_map"
    /// The columns a legacy BEFORE trigger computes.
    case beforeTrigger = "before_trigger"
    /// A table a legacy trigger keeps up to date from writes to another.
    case maintainedTable = "maintained_table"
    /// The dispositions and tolerances the team decided.
    case decisions
}

/// One test vector: what went in and what each system stored. Values are exact text or nil for NULL; values of
/// `pii: true` columns are masked and every text has passed `SecretMask`.
public struct ContractVector: Sendable, Equatable {
    /// Where it was taken from (the legacy key, column → text); empty when it is not one row.
    public var key: [String: String?]
    /// The inputs, by name.
    public var inputs: [String: String?]
    /// What legacy produced, by name.
    public var legacy: [String: String?]
    /// What the new system produced, only where it differs from `legacy`; nil when it agrees or has no counterpart.
    public var new: [String: String?]?
    /// Facts about the vector (`unrounded`, `tie`, `occurrences`), by name.
    public var about: [String: String]

    /// Creates a vector.
    public init(
        key: [String: String?] = [:], inputs: [String: String?], legacy: [String: String?], new: [String: String?]? = nil,
        about: [String: String] = [:]
    ) {
        self.key = key
        self.inputs = inputs
        self.legacy = legacy
        self.new = new
        self.about = about
    }
}

/// One fact of a contract's evidence: a count, a text or a list of texts.
public enum ContractFact: Sendable, Equatable {
    /// A count.
    case count(Int)
    /// A text.
    case text(String)
    /// Texts in a meaningful order.
    case list([String])
}
