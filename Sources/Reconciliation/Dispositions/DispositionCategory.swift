import ParityConfig
import ParityModel

/// A category of findings as the reports name it: `orders.status value_mismatch`, `orders missing_in_new` (no column),
/// `public.daily_summary hidden_state_unmapped` (a legacy table, for the kinds that name one).
public struct DispositionCategory: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The table mapping's name, or the legacy table for `hidden_state_unmapped` and `unmapped_writes`.
    public var table: String
    /// The legacy column; nil for a category without one.
    public var column: String?
    /// The finding kind.
    public var kind: FindingKind

    /// Creates a category.
    public init(table: String, column: String?, kind: FindingKind) {
        self.table = table
        self.column = column
        self.kind = kind
    }

    /// Why a category's text cannot be read.
    public struct ParseError: Error, Sendable, Equatable {
        /// What is wrong.
        public var message: String
    }

    /// Reads `TABLE[.COLUMN] KIND` as the end-of-day report writes it.
    public init(parsing text: String) throws(ParseError) {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2 else {
            throw ParseError(message: "\"\(text)\" is not a category: write the table, a dot and the column, a space and the kind")
        }
        guard let kind = FindingKind(rawValue: String(parts[1])) else {
            throw ParseError(message: "\"\(parts[1])\" is not a finding kind (one of \(FindingKind.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let subject = String(parts[0])
        if kind.namesLegacyTable {
            self.init(table: subject, column: nil, kind: kind)
            return
        }
        let names = subject.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard !names[0].isEmpty, names.count == 1 || !names[1].isEmpty else {
            throw ParseError(message: "\"\(subject)\" is not a table mapping and column: write mapping.column, or the mapping alone")
        }
        self.init(table: names[0], column: names.count == 2 ? names[1] : nil, kind: kind)
    }

    /// `orders.status value_mismatch`.
    public var description: String { table + (column.map { ".\($0)" } ?? "") + " " + kind.rawValue }

    /// By table, column, then kind.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.table, lhs.column ?? "", lhs.kind.rawValue) < (rhs.table, rhs.column ?? "", rhs.kind.rawValue)
    }

    /// The rule of the config or of a decision that gives this category `disposition`.
    func rule(_ disposition: Disposition, owner: String?, note: String?) -> DispositionRule? {
        let subject: DispositionTable
        if kind.namesLegacyTable {
            guard let name = try? QualifiedName(parsing: table) else { return nil }
            subject = .legacyTable(name)
        } else {
            subject = .mapping(table)
        }
        return DispositionRule(table: subject, column: column, kind: kind, disposition: disposition, owner: owner, note: note)
    }

    /// Whether the config rule `rule` decides findings of this category (for every value, or those its pattern matches).
    func isCovered(by rule: DispositionRule) -> Bool {
        rule.kind == kind && (rule.column == nil || rule.column == column) && DispositionMatcher.table(rule.table, names: table)
    }
}
