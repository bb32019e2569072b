import LogicalReplication

/// Receives what a ``ReplicationStream`` decodes, called synchronously on the stream's own thread.
///
/// Throwing from any method stops the stream with that error; nothing past it is confirmed.
public protocol ReplicationConsumer: AnyObject, Sendable {
    /// Stores a batch of committed transactions (in commit order) before returning, all of them or none
    /// (by throwing), so that a crash of the process loses none of them.
    ///
    /// The stream batches what the server has already sent (group commit), so one write covers many
    /// small transactions. It confirms them to the server only after ``makeDurable()``.
    func apply(_ transactions: [AssembledTransaction]) throws
    /// Makes everything stored so far survive power loss too. The stream calls it before each standby
    /// status update that confirms a new position, so the server keeps the WAL of anything a power
    /// failure could still take back.
    func makeDurable() throws
    /// Learns that streaming (re)started: the server streams every transaction not yet committed
    /// again from its start, so whatever was staged before is to be dropped.
    func streamStarted() throws
    /// Keeps changes of a streamed transaction, not yet committed, until its commit or abort.
    ///
    /// When `changes.startsTransaction`, anything kept for that xid before is dropped first: after
    /// a reconnect the server streams uncommitted transactions again from their start.
    func stage(_ changes: StreamedChanges) throws
    /// Stores the streamed transaction's staged changes as one committed transaction before returning
    /// (confirmed, like ``apply(_:)``, after ``makeDurable()``); returns how many changes it applied.
    ///
    /// Called in commit order with ``apply(_:)``. A transaction at or before what is already
    /// durable is not applied again; its staged changes are dropped.
    func commitStreamed(_ commit: StreamedCommit) throws -> Int
    /// Drops the staged changes of a rolled-back streamed transaction, or of a rolled-back
    /// subtransaction from its first change onward.
    func abortStreamed(_ abort: StreamedAbort) throws
    /// Receives a non-transactional logical message (`pg_logical_emit_message(false, …)`) at its LSN.
    func messageReceived(_ message: LogicalMessage, at lsn: LSN) throws
    /// Learns that everything through `walEnd` was received with no transaction open, at the source clock `serverTime`.
    func idle(walEnd: LSN, serverTime: PostgresTimestamp) throws
}
