import ParityModel

/// An aggregate compared group by group between the two databases (`aggregates[]`).
public struct AggregateConfiguration: Sendable, Hashable {
    /// The aggregate's name, used in reports.
    public var name: String
    /// Name of the table mapping the aggregate is computed over.
    public var table: String
    /// What is computed per group.
    public var measure: AggregateMeasure
    /// Legacy column names the groups are formed by (mapped to new columns by the table mapping).
    public var groupBy: [String]
    /// Whether rows are taken by date within the cycle (flow) or as state at cycle end (balance).
    public var scope: AggregateScope
    /// Date columns deciding a row's cycle; present when `scope` is `flow`.
    public var date: SidePair?
    /// Row filter, as written (parsed elsewhere).
    public var filter: String?
    /// Largest per-group difference still considered reconciled, a decimal string.
    public var tolerance: String
    /// A legacy summary table compared against the aggregate computed on the new side.
    public var legacySummary: LegacySummary?
    /// The group-by column holding each group's unit (its currency): amounts of different units are never added.
    public var unit: String?

    /// Creates an aggregate configuration.
    public init(
        name: String,
        table: String,
        measure: AggregateMeasure,
        groupBy: [String] = [],
        scope: AggregateScope = .balance,
        date: SidePair? = nil,
        filter: String? = nil,
        tolerance: String = "0",
        legacySummary: LegacySummary? = nil,
        unit: String? = nil
    ) {
        self.name = name
        self.table = table
        self.measure = measure
        self.groupBy = groupBy
        self.scope = scope
        self.date = date
        self.filter = filter
        self.tolerance = tolerance
        self.legacySummary = legacySummary
        self.unit = unit
    }
}

/// The function an aggregate computes, over a legacy-side column name (`aggregates[].measure`).
public enum AggregateMeasure: Sendable, Hashable {
    /// Sum of a column.
    case sum(String)
    /// Count of non-null values of a column, or of rows for `"*"`.
    case count(String)
    /// Smallest value of a column.
    case min(String)
    /// Largest value of a column.
    case max(String)

    /// The function keys accepted in `measure`.
    static let functionNames = ["sum", "count", "min", "max"]

    /// The measured column (`"*"` for a row count).
    public var column: String {
        switch self {
        case .sum(let column), .count(let column), .min(let column), .max(let column): column
        }
    }
}

/// Which rows an aggregate covers (`aggregates[].scope`).
public enum AggregateScope: String, Sendable, Hashable, CaseIterable {
    /// Rows whose date falls in the cycle.
    case flow
    /// All rows as of the cycle end.
    case balance
}

/// A column name on each side (`{ legacy: issued_on, new: issue_date }`).
public struct SidePair: Sendable, Hashable {
    /// Legacy column.
    public var legacy: String
    /// New column.
    public var new: String

    /// Creates the pair.
    public init(legacy: String, new: String) {
        self.legacy = legacy
        self.new = new
    }
}

/// A legacy table holding precomputed totals (`aggregates[].legacy_summary`).
public struct LegacySummary: Sendable, Hashable {
    /// The summary table.
    public var table: QualifiedName
    /// Its group columns, positionally matching the aggregate's `group_by`.
    public var groupBy: [String]
    /// Its column holding the total.
    public var value: String
    /// Its date column (required for flow aggregates).
    public var date: String?

    /// Creates a summary reference.
    public init(table: QualifiedName, groupBy: [String] = [], value: String, date: String? = nil) {
        self.table = table
        self.groupBy = groupBy
        self.value = value
        self.date = date
    }
}
