import ParityConfig
import ParityModel
import PostgresClient

/// One mapped table read with COPY on one side: its columns in name order (the order of a stored image's values), where
/// the mapping's key columns are among them, and the planner's estimate of its rows (for progress).
public struct TableCopy {
    /// The side read.
    public let side: SourceSide
    /// The mapping the table belongs to.
    public let mapping: TableMapping
    /// The table on that side.
    public let table: QualifiedName
    /// The columns COPY and pgoutput both carry, in name order.
    public let columns: [String]
    /// The positions of the mapping's key columns (on this side) in `columns`, in key order.
    public let keyPositions: [Int]
    /// `pg_class.reltuples`, or nil when the table was never analyzed.
    public let estimatedRows: Int?

    /// Reads the table's columns and estimate through `catalog`; a key column the table lacks is a config error.
    public init(side: SourceSide, mapping: TableMapping, catalog: SourceCatalog) throws {
        self.side = side
        self.mapping = mapping
        table = side == .legacy ? mapping.legacy : mapping.new
        columns = try catalog.copiedColumns(table).sorted()
        let keyColumns = side == .legacy ? mapping.key.legacy : mapping.key.new
        let columns = columns
        keyPositions = keyColumns.compactMap { columns.firstIndex(of: $0) }
        guard keyPositions.count == keyColumns.count else {
            throw EngineError(.configuration, source: side.rawValue, message: "\(table) lacks key columns \(keyColumns.joined(separator: ", "))",
                              fix: "run parity check and correct the mapping \(mapping.name)")
        }
        estimatedRows = try catalog.estimatedRows(table)
    }

    /// Streams every row of the table through `body` as its line of COPY text (values in `columns` order, valid only
    /// during the call) on `connection`, in the order of the SQL `ORDER BY` list `orderedBy` when given, reporting progress
    /// to `progress` every `every` rows and once at the end.
    public func copyLines(
        on connection: PostgresConnection, orderedBy order: String? = nil, progress: WorkProgress.Sink, every: Int = 10_000,
        _ body: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        var rows = 0
        let subject = "\(side.rawValue) \(mapping.name)"
        let list = columns.map(quoteIdentifier).joined(separator: ", ")
        let orderBy = order.map { " ORDER BY \($0)" } ?? ""
        progress(WorkProgress(subject: subject, unit: "rows", count: 0, estimated: estimatedRows, done: false))
        try connection.copyOutLines(PostgresQuery(unsafeSQL: "COPY (SELECT \(list) FROM \(table.quoted)\(orderBy)) TO STDOUT")) { line in
            try body(line)
            rows += 1
            if rows % every == 0 {
                progress(WorkProgress(subject: subject, unit: "rows", count: rows, estimated: estimatedRows, done: false))
            }
        }
        progress(WorkProgress(subject: subject, unit: "rows", count: rows, estimated: estimatedRows, done: true))
    }
}
