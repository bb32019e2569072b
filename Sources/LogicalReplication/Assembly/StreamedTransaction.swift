/// One change of a streamed transaction, with the (sub)transaction that made it.
public struct StreamedChange: Hashable, Sendable {
    /// The (sub)transaction that made the change: a Stream Abort of it drops this change and every later one.
    public var subtransactionXID: UInt32
    /// The change; `.unchanged` values stay unresolved (earlier images of the row may lie in earlier blocks).
    public var change: RowChange

    /// Creates a streamed change.
    public init(subtransactionXID: UInt32, change: RowChange) {
        self.subtransactionXID = subtransactionXID
        self.change = change
    }
}

/// Changes of a streamed transaction received since the assembler last handed some on, in order.
public struct StreamedChanges: Hashable, Sendable {
    /// The top-level transaction ID.
    public var xid: UInt32
    /// Whether these are the first of the transaction (the server re-streams from here after a reconnect).
    public var startsTransaction: Bool
    /// The row changes in order.
    public var changes: [StreamedChange]
    /// The transactional logical messages in order (each carries its subtransaction's xid).
    public var messages: [LogicalMessage]
}

/// A streamed transaction committed: every change handed on for it so far is part of it.
public struct StreamedCommit: Hashable, Sendable {
    /// The top-level transaction ID.
    public var xid: UInt32
    /// The LSN of the commit record.
    public var commitLSN: LSN
    /// The end of the commit record: confirm this as flushed once the transaction is durable.
    public var endLSN: LSN
    /// The commit timestamp, from the source server's clock.
    public var commitTime: PostgresTimestamp
    /// The replication origin, when the source transaction was itself replayed from one.
    public var origin: OriginMessage?
    /// Changes still held at the commit of a large Begin/Commit transaction handed on in chunks:
    /// stage them before committing.
    public var finalChanges: StreamedChanges?

    /// Creates a streamed commit.
    public init(xid: UInt32, commitLSN: LSN, endLSN: LSN, commitTime: PostgresTimestamp, origin: OriginMessage? = nil) {
        self.xid = xid
        self.commitLSN = commitLSN
        self.endLSN = endLSN
        self.commitTime = commitTime
        self.origin = origin
    }
}

/// A streamed transaction, or one of its subtransactions, rolled back.
public struct StreamedAbort: Hashable, Sendable {
    /// The top-level transaction ID.
    public var xid: UInt32
    /// The aborted subtransaction; equal to `xid` when the whole transaction aborted.
    public var subtransactionXID: UInt32

    /// Creates a streamed abort.
    public init(xid: UInt32, subtransactionXID: UInt32) {
        self.xid = xid
        self.subtransactionXID = subtransactionXID
    }

    /// Whether the whole top-level transaction aborted.
    public var abortsWholeTransaction: Bool { xid == subtransactionXID }
}
