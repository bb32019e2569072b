import LogicalReplication

/// Receives what a ``ReplicationStream`` decodes, called synchronously on the stream's own thread.
///
/// Throwing from any method stops the stream with that error; nothing past it is confirmed.
public protocol ReplicationConsumer: AnyObject, Sendable {
    /// Makes a batch of committed transactions (in commit order) durable before returning, all of
    /// them or none (by throwing); the stream then confirms the last one's `endLSN`.
    ///
    /// The stream batches what the server has already sent (group commit), so one durable write
    /// covers many small transactions.
    func apply(_ transactions: [AssembledTransaction]) throws
    /// Receives a non-transactional logical message (`pg_logical_emit_message(false, …)`) at its LSN.
    func messageReceived(_ message: LogicalMessage, at lsn: LSN) throws
    /// Learns that everything through `walEnd` was received with no transaction open, at the source clock `serverTime`.
    func idle(walEnd: LSN, serverTime: PostgresTimestamp) throws
}
