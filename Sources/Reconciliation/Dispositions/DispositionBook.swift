import ParityConfig
import ParityModel

/// The dispositions in force: the config's `dispositions[]` rules, which win, then the decisions recorded with
/// `parity disposition set` that have not expired on the day judged (the cycle's business day, or the evaluation's).
public struct DispositionBook: Sendable {
    /// The config's rules, in config order.
    public let rules: [DispositionRule]
    /// Each category's current stored decision, expired or not.
    public let decisions: [DispositionDecision]

    /// Creates the book.
    public init(rules: [DispositionRule], decisions: [DispositionDecision] = []) {
        self.rules = rules
        self.decisions = decisions
    }

    /// The matcher for business day `day`: the config's rules first, then the decisions not expired on that day.
    public func matcher(on day: String) -> DispositionMatcher {
        DispositionMatcher(rules: rules + decisions.filter { !$0.isExpired(on: day) }.compactMap(\.rule))
    }

    /// What decides `category` on business day `day`, and what it sets aside.
    public func verdict(for category: DispositionCategory, on day: String) -> CategoryVerdict {
        let decision = decisions.first { $0.category == category }
        return CategoryVerdict(
            category: category, configRule: rules.first { category.isCovered(by: $0) }, decision: decision,
            expired: decision?.isExpired(on: day) ?? false, reopened: nil)
    }

    /// The matcher's identity for business day `day`: the stored decisions in force (the config is identified by its text).
    public func fingerprint(on day: String) -> String {
        decisions.filter { !$0.isExpired(on: day) }.map { String($0.id) }.joined(separator: ",")
    }
}

/// One category's decision as the reports and the gate show it.
public struct CategoryVerdict: Sendable, Equatable {
    /// The category.
    public var category: DispositionCategory
    /// The config rule that decides it (for every value, or those its pattern matches), if any: it wins.
    public var configRule: DispositionRule?
    /// The stored decision, if any, expired or not.
    public var decision: DispositionDecision?
    /// Whether the stored decision has expired (it then counts as none).
    public var expired: Bool
    /// When the category's stored `match` decision recurred after a fix (it then needs a new decision).
    public var reopened: Reopening?

    /// Where the disposition in force comes from.
    public enum Source: String, Sendable {
        /// A `dispositions[]` rule of the config.
        case config
        /// A decision recorded with `parity disposition set`.
        case store
    }

    /// Which decides: the config when it has a rule, else the stored decision unless expired; nil when neither.
    public var source: Source? {
        if configRule != nil { return .config }
        return decision != nil && !expired ? .store : nil
    }

    /// The disposition in force.
    public var disposition: Disposition? {
        switch source {
        case .config?: configRule?.disposition
        case .store?: decision?.disposition
        case nil: nil
        }
    }

    /// Who owns the disposition in force.
    public var owner: String? { source == .config ? configRule?.owner : source == .store ? decision?.owner : nil }

    /// Why, as its owner wrote it.
    public var note: String? { source == .config ? configRule?.note : source == .store ? decision?.note : nil }

    /// Whether a stored decision is set aside because a config rule decides the category.
    public var overridden: Bool { configRule != nil && decision != nil }
}
