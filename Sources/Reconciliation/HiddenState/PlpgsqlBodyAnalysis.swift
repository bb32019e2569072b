import ParityConfig
import ParityModel

/// What a PL/pgSQL or SQL function body does that matters for hidden state: the tables it
/// writes, the functions it calls, its dynamic SQL and, in a BEFORE trigger, what it does to `NEW`.
public struct PlpgsqlBodyAnalysis: Sendable, Hashable {
    /// Static writes in order of first appearance, without repeats.
    public var writes: [TableWrite] = []
    /// Names called like functions that are not SQL keywords or common built-ins, without repeats;
    /// the caller resolves them against the functions that exist.
    public var calledFunctions: [FunctionReference] = []
    /// `EXECUTE` statements, trimmed: their targets are unknown.
    public var dynamicStatements: [String] = []
    /// Columns assigned through `NEW.col := …`, `NEW.col = …` or `SELECT … INTO NEW.col`, without repeats.
    public var assignedNewColumns: [String] = []
    /// Whether the body replaces the whole row (`NEW := …`).
    public var replacesNew = false
    /// Whether the body has `RETURN NULL` (a BEFORE row trigger then skips the row).
    public var returnsNull = false

    /// Creates an empty analysis.
    public init() {}

    /// The distinct tables written, in order of first appearance.
    public var writtenTables: [QualifiedName] {
        var seen = Set<QualifiedName>()
        return writes.map(\.table).filter { seen.insert($0).inserted }
    }
}

/// A static write found in a body: the statement and its target table.
public struct TableWrite: Sendable, Hashable {
    /// The writing statement.
    public var statement: WriteStatement
    /// The table written, schema-qualified.
    public var table: QualifiedName

    /// Creates a write.
    public init(_ statement: WriteStatement, _ table: QualifiedName) {
        self.statement = statement
        self.table = table
    }
}

/// The SQL statements that write a table.
public enum WriteStatement: String, Sendable, Hashable, CaseIterable {
    /// `INSERT INTO t`.
    case insert
    /// `UPDATE t … SET`.
    case update
    /// `DELETE FROM t`.
    case delete
    /// `MERGE INTO t`.
    case merge
    /// `TRUNCATE [TABLE] t, …`.
    case truncate
    /// `COPY t FROM …`.
    case copy
    /// `REFRESH MATERIALIZED VIEW [CONCURRENTLY] v`.
    case refresh = "refresh materialized view"
}

/// A function named in a call: `name(` or `schema.name(`; unqualified calls have no schema.
public struct FunctionReference: Sendable, Hashable, CustomStringConvertible {
    /// The schema written in the call, if any.
    public var schema: String?
    /// The function name.
    public var name: String

    /// Creates a reference.
    public init(schema: String? = nil, name: String) {
        self.schema = schema
        self.name = name
    }

    /// `schema.name` or `name`.
    public var description: String { schema.map { "\($0).\(name)" } ?? name }
}
