/// A committed Begin/Commit transaction with its changes in commit order.
public struct AssembledTransaction: Hashable, Sendable {
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
    /// The row changes in order.
    public var changes: [RowChange]
    /// The transactional logical messages (`pg_logical_emit_message(true, …)`) in order.
    public var messages: [LogicalMessage]
}

/// What the assembler hands on after a message.
public enum AssemblerEvent: Hashable, Sendable {
    /// A transaction committed.
    case transaction(AssembledTransaction)
    /// A non-transactional logical message, delivered at its own LSN.
    case message(LogicalMessage)
    /// Changes of a streamed transaction, to be kept until its commit or abort.
    case streamedChanges(StreamedChanges)
    /// A streamed transaction committed.
    case streamCommitted(StreamedCommit)
    /// A streamed transaction or subtransaction rolled back.
    case streamAborted(StreamedAbort)
}
