/// Column values of one row image by column name.
public typealias RowValues = [String: ColumnValue]

/// A row inserted.
public struct RowInsert: Hashable, Sendable {
    /// The relation as described when the change arrived.
    public var relation: RelationDescription
    /// The key columns' values.
    public var key: RowValues
    /// Every published column's value.
    public var values: RowValues
    /// The change's WAL position (from the XLogData header).
    public var lsn: LSN
}

/// A row updated.
public struct RowUpdate: Hashable, Sendable {
    /// The relation as described when the change arrived.
    public var relation: RelationDescription
    /// The key identifying the row before the update (from the old `K`/`O` image when sent, else the new row).
    public var key: RowValues
    /// The key after the update; differs from `key` when the key changed.
    public var newKey: RowValues
    /// The entire old row when sent (`O`, REPLICA IDENTITY FULL).
    public var oldValues: RowValues?
    /// The new row; `.unchanged` where the old row did not have the value, nor (outside streamed transactions) an earlier image in the transaction.
    public var values: RowValues
    /// The change's WAL position (from the XLogData header).
    public var lsn: LSN
}

/// A row deleted.
public struct RowDelete: Hashable, Sendable {
    /// The relation as described when the change arrived.
    public var relation: RelationDescription
    /// The deleted row's key (from the old `K`/`O` image).
    public var key: RowValues
    /// The entire old row when sent (`O`, REPLICA IDENTITY FULL).
    public var oldValues: RowValues?
    /// The change's WAL position (from the XLogData header).
    public var lsn: LSN
}

/// One or more tables truncated.
public struct TableTruncate: Hashable, Sendable {
    /// The truncated relations.
    public var relations: [RelationDescription]
    /// CASCADE / RESTART IDENTITY.
    public var options: TruncateOptions
    /// The change's WAL position (from the XLogData header).
    public var lsn: LSN
}

/// One change of an assembled transaction.
public enum RowChange: Hashable, Sendable {
    /// A row inserted.
    case insert(RowInsert)
    /// A row updated.
    case update(RowUpdate)
    /// A row deleted.
    case delete(RowDelete)
    /// Tables truncated.
    case truncate(TableTruncate)

    /// The change's WAL position.
    public var lsn: LSN {
        switch self {
        case .insert(let change): change.lsn
        case .update(let change): change.lsn
        case .delete(let change): change.lsn
        case .truncate(let change): change.lsn
        }
    }
}
