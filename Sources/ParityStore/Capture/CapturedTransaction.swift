/// A committed source transaction as the store keeps it: the store's own model, so it does
/// not depend on the decoder.
public struct CapturedTransaction: Sendable, Equatable {
    public var xid: UInt32
    /// LSN of the commit record (orders transactions; part of each change's identity).
    public var commitLSN: UInt64
    /// End LSN: the position to confirm once this transaction is durable.
    public var endLSN: UInt64
    /// Commit time, microseconds since 1970-01-01 UTC (source clock).
    public var commitTime: Int64
    public var changes: [CapturedChange]

    public init(xid: UInt32, commitLSN: UInt64, endLSN: UInt64, commitTime: Int64, changes: [CapturedChange]) {
        self.xid = xid
        self.commitLSN = commitLSN
        self.endLSN = endLSN
        self.commitTime = commitTime
        self.changes = changes
    }
}

/// One row change (or a truncate) of a source table.
public struct CapturedChange: Sendable, Equatable {
    /// What happened to the row.
    public enum Operation: String, Sendable {
        case insert, update, delete, truncate
    }

    /// `schema.table` as the source names it.
    public var table: String
    /// The mapping this table belongs to on this side, or nil for a watched, unmapped table.
    public var mapping: String?
    public var operation: Operation
    /// The key column values in key order (nil entries are NULL); empty for truncate.
    public var key: [String?]
    /// The previous key when an update changed it.
    public var oldKey: [String?]?
    /// The new image: column → value; `.unchanged` where the source sent no value.
    public var values: [String: CapturedValue]

    public init(
        table: String, mapping: String?, operation: Operation, key: [String?] = [],
        oldKey: [String?]? = nil, values: [String: CapturedValue] = [:]
    ) {
        self.table = table
        self.mapping = mapping
        self.operation = operation
        self.key = key
        self.oldKey = oldKey
        self.values = values
    }
}

/// A column value in a captured image.
public enum CapturedValue: Sendable, Equatable {
    /// The value as text, or nil for NULL.
    case value(String?)
    /// Not sent (unchanged TOAST): keep the previous image's value. Never NULL.
    case unchanged
}
