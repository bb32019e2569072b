import Foundation
import ParityModel

/// `parity report open`: every open difference of the ledger with its history, as of now.
public struct OpenDifferencesReport: Sendable, Equatable {
    /// One open difference.
    public struct Row: Sendable, Equatable {
        /// The difference as last seen (values of `pii` columns masked; disposition under the current rules).
        public var item: Finding
        /// The current rule's note, if a rule applies.
        public var note: String?
        /// The cycle that first found it open.
        public var firstSeen: Int64
        /// That cycle's label.
        public var firstLabel: String
        /// The last cycle that compared it.
        public var lastSeen: Int64
        /// That cycle's label.
        public var lastLabel: String
        /// Seconds from the end of the first-seen cycle to the report's time.
        public var ageSeconds: Int64?

        /// Creates a row.
        public init(
            item: Finding, note: String?, firstSeen: Int64, firstLabel: String, lastSeen: Int64, lastLabel: String,
            ageSeconds: Int64?
        ) {
            self.item = item
            self.note = note
            self.firstSeen = firstSeen
            self.firstLabel = firstLabel
            self.lastSeen = lastSeen
            self.lastLabel = lastLabel
            self.ageSeconds = ageSeconds
        }

        /// Whether the difference still needs a decision: no disposition, or `match` (an open defect).
        public var isUnexplained: Bool { item.disposition == nil || item.disposition == .match }
    }

    /// When the report was made.
    public var generatedAt: Date
    /// The mapping listed only, if filtered.
    public var mapping: String?
    /// The kind listed only, if filtered.
    public var kind: FindingKind?
    /// Whether explained differences are listed too.
    public var includesExplained: Bool
    /// Open differences in the ledger in all (before filters).
    public var totalOpen: Int
    /// Of those, the unexplained ones.
    public var totalUnexplained: Int
    /// The rows listed, oldest first-seen first.
    public var rows: [Row]

    /// Creates the report.
    public init(
        generatedAt: Date, mapping: String?, kind: FindingKind?, includesExplained: Bool, totalOpen: Int, totalUnexplained: Int, rows: [Row]
    ) {
        self.generatedAt = generatedAt
        self.mapping = mapping
        self.kind = kind
        self.includesExplained = includesExplained
        self.totalOpen = totalOpen
        self.totalUnexplained = totalUnexplained
        self.rows = rows
    }
}
