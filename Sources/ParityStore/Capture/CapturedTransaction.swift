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
    /// The new image (insert and update); empty otherwise.
    public var image: CapturedImage

    /// Creates a change whose new image is already in the store's form.
    public init(
        table: String, mapping: String?, operation: Operation, key: [String?] = [],
        oldKey: [String?]? = nil, image: CapturedImage = CapturedImage(columns: [], values: "[]", unchanged: [])
    ) {
        self.table = table
        self.mapping = mapping
        self.operation = operation
        self.key = key
        self.oldKey = oldKey
        self.image = image
    }

    /// Creates a change from its new image by column, `.unchanged` where the source sent no value.
    public init(
        table: String, mapping: String?, operation: Operation, key: [String?] = [],
        oldKey: [String?]? = nil, values: [String: CapturedValue]
    ) {
        self.init(table: table, mapping: mapping, operation: operation, key: key, oldKey: oldKey, image: CapturedImage(values))
    }
}

/// A new row image as captured: the columns sent with their values, and the columns not sent.
public struct CapturedImage: Sendable, Equatable {
    /// The columns sent, in name order.
    public var columns: [String]
    /// Their values in the same order, as a JSON array of strings and nulls (`RowJSON.key`): `["12.50",null]`.
    public var values: String
    /// The columns not sent (unchanged TOAST), in name order: their values come from the row's previous image.
    public var unchanged: [String]

    /// Creates an image from its columns, the JSON array of their values, and its unchanged columns.
    public init(columns: [String], values: String, unchanged: [String]) {
        self.columns = columns
        self.values = values
        self.unchanged = unchanged
    }

    /// Creates an image from values by column.
    public init(_ values: [String: CapturedValue]) {
        var known: [(column: String, value: String?)] = []
        var unchanged: [String] = []
        for (column, value) in values {
            switch value {
            case .value(let text): known.append((column, text))
            case .unchanged: unchanged.append(column)
            }
        }
        known.sort { $0.column < $1.column }
        self.init(columns: known.map(\.column), values: RowJSON.key(known.map(\.value)), unchanged: unchanged.sorted())
    }

    /// The values sent by column.
    public var known: [String: String?] {
        ImageLayouts.image(columns: columns, values: RowJSON.decodeKey(values) ?? []) ?? [:]
    }
}

/// A column value in a captured image.
public enum CapturedValue: Sendable, Equatable {
    /// The value as text, or nil for NULL.
    case value(String?)
    /// Not sent (unchanged TOAST): keep the previous image's value. Never NULL.
    case unchanged
}

extension CapturedChange.Operation {
    /// The operation's place in a table's stored write counts `[inserts, updates, deletes, truncates]`.
    package var countIndex: Int {
        switch self {
        case .insert: 0
        case .update: 1
        case .delete: 2
        case .truncate: 3
        }
    }
}
