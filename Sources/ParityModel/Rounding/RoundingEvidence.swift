import ExactNumeric

/// What one side of one decimal column shows about its rounding: per mode, how many rows and ties it explains.
///
/// Ties are the evidence: a positive tie with an even kept digit, one with an odd kept digit and a
/// negative tie together separate the six "half" modes. Ties whose nearest binary double is not
/// the tie itself (1.005) also reveal code that rounds doubles rather than decimals.
public struct RoundingEvidence: Sendable, Hashable, Codable {
    /// Rows observed.
    public private(set) var rows = 0
    /// Rows whose unrounded value is negative.
    public private(set) var negativeRows = 0
    /// Rows whose unrounded value is a tie at the stored scale.
    public private(set) var ties = 0
    /// Positive ties whose truncated kept digit is even (2.345 → 2.34|5).
    public private(set) var positiveEvenTies = 0
    /// Positive ties whose truncated kept digit is odd (2.335 → 2.33|5).
    public private(set) var positiveOddTies = 0
    /// Negative ties.
    public private(set) var negativeTies = 0
    /// Rows each mode explains, keyed by `RoundingMode` raw value.
    public private(set) var agreeingRows: [String: Int] = [:]
    /// Ties each mode explains, keyed by `RoundingMode` raw value.
    public private(set) var agreeingTies: [String: Int] = [:]
    /// Ties whose nearest double is exactly the tie (1.125).
    public private(set) var binaryExactTies = 0
    /// Ties whose nearest double lies above or below the tie (1.005).
    public private(set) var binaryInexactTies = 0
    /// Binary-inexact ties stored as their double rounds to nearest (in the double's direction).
    public private(set) var binaryDirectionAgreements = 0
    /// Binary-inexact ties each mode explains on the exact decimal value, keyed by `RoundingMode` raw value.
    public private(set) var decimalTieRuleAgreements: [String: Int] = [:]
    /// Ties each mode explains on the decimal value or, for binary-inexact ties, that follow their double;
    /// keyed by `RoundingMode` raw value. Code that scales a double before rounding it (`(x * 100).rounded()`)
    /// turns most inexact ties into exact binary ties, so only some keep their double's direction.
    public private(set) var tieRuleOrBinaryAgreements: [String: Int] = [:]

    enum CodingKeys: String, CodingKey {
        case rows
        case negativeRows = "negative_rows"
        case ties
        case positiveEvenTies = "positive_even_ties"
        case positiveOddTies = "positive_odd_ties"
        case negativeTies = "negative_ties"
        case agreeingRows = "agreeing_rows"
        case agreeingTies = "agreeing_ties"
        case binaryExactTies = "binary_exact_ties"
        case binaryInexactTies = "binary_inexact_ties"
        case binaryDirectionAgreements = "binary_direction_agreements"
        case decimalTieRuleAgreements = "decimal_tie_rule_agreements"
        case tieRuleOrBinaryAgreements = "tie_rule_or_binary_agreements"
    }

    /// Empty evidence.
    public init() {}

    /// Reads stored evidence; a count it lacks (written before that count existed) is 0.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        rows = try container.decodeIfPresent(Int.self, forKey: .rows) ?? 0
        negativeRows = try container.decodeIfPresent(Int.self, forKey: .negativeRows) ?? 0
        ties = try container.decodeIfPresent(Int.self, forKey: .ties) ?? 0
        positiveEvenTies = try container.decodeIfPresent(Int.self, forKey: .positiveEvenTies) ?? 0
        positiveOddTies = try container.decodeIfPresent(Int.self, forKey: .positiveOddTies) ?? 0
        negativeTies = try container.decodeIfPresent(Int.self, forKey: .negativeTies) ?? 0
        agreeingRows = try container.decodeIfPresent([String: Int].self, forKey: .agreeingRows) ?? [:]
        agreeingTies = try container.decodeIfPresent([String: Int].self, forKey: .agreeingTies) ?? [:]
        binaryExactTies = try container.decodeIfPresent(Int.self, forKey: .binaryExactTies) ?? 0
        binaryInexactTies = try container.decodeIfPresent(Int.self, forKey: .binaryInexactTies) ?? 0
        binaryDirectionAgreements = try container.decodeIfPresent(Int.self, forKey: .binaryDirectionAgreements) ?? 0
        decimalTieRuleAgreements = try container.decodeIfPresent([String: Int].self, forKey: .decimalTieRuleAgreements) ?? [:]
        tieRuleOrBinaryAgreements = try container.decodeIfPresent([String: Int].self, forKey: .tieRuleOrBinaryAgreements) ?? [:]
    }

    /// Records one row: `stored` is what the side holds, `unrounded` what its source expression gives, at `scale`; non-finite values are skipped.
    public mutating func observe(stored: ExactDecimal, unrounded: ExactDecimal, scale: Int) {
        guard stored.isFinite, unrounded.isFinite else { return }
        let modes = RoundingMode.modes(explaining: stored, from: unrounded, scale: scale)
        rows += 1
        if unrounded.sign == .minus { negativeRows += 1 }
        Self.count(modes, in: &agreeingRows)
        guard unrounded.isTie(at: scale) else { return }
        ties += 1
        Self.count(modes, in: &agreeingTies)
        if unrounded.sign == .minus {
            negativeTies += 1
        } else if unrounded.rounded(scale: scale, mode: .halfEven) == unrounded.rounded(scale: scale, mode: .down) {
            positiveEvenTies += 1
        } else {
            positiveOddTies += 1
        }
        observeBinaryTie(stored: stored, unrounded: unrounded, scale: scale, modes: modes)
    }

    /// Adds everything `other` observed.
    public mutating func merge(_ other: RoundingEvidence) {
        rows += other.rows
        negativeRows += other.negativeRows
        ties += other.ties
        positiveEvenTies += other.positiveEvenTies
        positiveOddTies += other.positiveOddTies
        negativeTies += other.negativeTies
        agreeingRows.merge(other.agreeingRows, uniquingKeysWith: +)
        agreeingTies.merge(other.agreeingTies, uniquingKeysWith: +)
        binaryExactTies += other.binaryExactTies
        binaryInexactTies += other.binaryInexactTies
        binaryDirectionAgreements += other.binaryDirectionAgreements
        decimalTieRuleAgreements.merge(other.decimalTieRuleAgreements, uniquingKeysWith: +)
        tieRuleOrBinaryAgreements.merge(other.tieRuleOrBinaryAgreements, uniquingKeysWith: +)
    }

    /// Classifies a tie by its nearest double and counts which rule the stored value follows.
    private mutating func observeBinaryTie(stored: ExactDecimal, unrounded: ExactDecimal, scale: Int, modes: Set<RoundingMode>) {
        guard let binary = unrounded.nearestDoubleValue else { return }
        guard binary != unrounded else {
            binaryExactTies += 1
            Self.count(modes, in: &tieRuleOrBinaryAgreements)
            return
        }
        binaryInexactTies += 1
        Self.count(modes, in: &decimalTieRuleAgreements)
        // Within 2^53 units of the last place the double is no tie, so every round-to-nearest mode sends it the same way.
        guard binary.rounded(scale: scale, mode: .halfEven) == stored else {
            Self.count(modes, in: &tieRuleOrBinaryAgreements)
            return
        }
        binaryDirectionAgreements += 1
        Self.count(Set(RoundingMode.allCases), in: &tieRuleOrBinaryAgreements)
    }

    private static func count(_ modes: Set<RoundingMode>, in counts: inout [String: Int]) {
        for mode in modes { counts[mode.rawValue, default: 0] += 1 }
    }
}
