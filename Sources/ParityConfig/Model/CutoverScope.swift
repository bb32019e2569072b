import ParityModel

/// The slice of a table the new system is meant to hold during a strangler-fig cutover (`tables[].scope`): rows
/// outside it are counted, not compared.
public enum CutoverScope: Sendable, Hashable {
    /// One row filter over legacy column names, applied to each side's row (the new row read through the mapping):
    /// `scope: "tenant_id % 100 < 5"`.
    case filter(String)
    /// A row filter per side, each over its own column names: `scope: { legacy: "…", new: "…" }`.
    case perSide(legacy: String, new: String)
    /// The keys listed in a table the team maintains (`scope: { table: public.migrated_customers, column: customer_id }`),
    /// read at each close.
    case keyTable(ScopeKeyTable)

    /// The scope as the config writes it, for reports and for telling whether it changed.
    public var definition: String {
        switch self {
        case .filter(let text): return text
        case .perSide(let legacy, let new): return "legacy: \(legacy); new: \(new)"
        case .keyTable(let table): return "\(table.match) in \(table.source.rawValue) \(table.table).\(table.column)"
        }
    }

    /// The filter texts it holds (none for a key table), for validation.
    public var filters: [String] {
        switch self {
        case .filter(let text): return [text]
        case .perSide(let legacy, let new): return [legacy, new]
        case .keyTable: return []
        }
    }
}

/// A table of keys that puts rows in scope (`tables[].scope: { table, column, source, match }`).
public struct ScopeKeyTable: Sendable, Hashable {
    /// The table holding the keys (`public.migrated_customers`).
    public var table: QualifiedName
    /// Its column holding them (`customer_id`).
    public var column: String
    /// The database it is read from (default `new`: the team keeps it beside the system it migrates to).
    public var source: SourceSide
    /// The mapping's legacy column whose value must be listed (default: `column`); the new row is read through the mapping.
    public var match: String

    /// Creates the reference.
    public init(table: QualifiedName, column: String, source: SourceSide = .new, match: String? = nil) {
        self.table = table
        self.column = column
        self.source = source
        self.match = match ?? column
    }
}
