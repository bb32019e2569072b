import ParityModel

extension GateInput {
    /// One closed cycle as the gate sees it.
    public struct Cycle: Sendable, Equatable {
        /// The cycle's id.
        public var id: Int64
        /// The cycle's label (`2026-11-03`).
        public var label: String
        /// How it closed.
        public var status: CycleStatus
        /// Names of the table mappings it compared.
        public var mappingsCompared: [String]
        /// Its unexplained diff rate, exact decimal text.
        public var unexplainedRate: String
        /// Findings whose disposition is `match` (open defects).
        public var openMatchFindings: Int
        /// The first of them, in one line (`orders {id=14} amount: 14.00 → 14.01`).
        public var firstOpenMatchFinding: String?
        /// The finding categories it reported.
        public var categories: [Category]

        /// Creates a cycle.
        public init(
            id: Int64, label: String, status: CycleStatus, mappingsCompared: [String], unexplainedRate: String, openMatchFindings: Int = 0,
            firstOpenMatchFinding: String? = nil, categories: [Category] = []
        ) {
            self.id = id
            self.label = label
            self.status = status
            self.mappingsCompared = mappingsCompared
            self.unexplainedRate = unexplainedRate
            self.openMatchFindings = openMatchFindings
            self.firstOpenMatchFinding = firstOpenMatchFinding
            self.categories = categories
        }
    }

    /// A finding category (mapping, column, kind) and its disposition.
    public struct Category: Sendable, Hashable {
        /// The table mapping's name.
        public var table: String
        /// The legacy column; nil for missing rows.
        public var column: String?
        /// The finding kind.
        public var kind: FindingKind
        /// `match`, `intentional_change`, `legacy_bug`, or nil when no rule disposes of it.
        public var disposition: Disposition?

        /// Creates a category.
        public init(table: String, column: String?, kind: FindingKind, disposition: Disposition?) {
            self.table = table
            self.column = column
            self.kind = kind
            self.disposition = disposition
        }
    }
}
