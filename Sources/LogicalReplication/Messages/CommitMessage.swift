/// `C`: the end of a transaction.
public struct CommitMessage: Hashable, Sendable {
    /// Flags (currently always 0).
    public var flags: UInt8
    /// The LSN of the commit record.
    public var commitLSN: LSN
    /// The end of the commit record: the position to confirm as flushed once the transaction is durable.
    public var endLSN: LSN
    /// The commit timestamp, from the source server's clock.
    public var commitTime: PostgresTimestamp

    /// Creates a message.
    public init(flags: UInt8 = 0, commitLSN: LSN, endLSN: LSN, commitTime: PostgresTimestamp) {
        self.flags = flags
        self.commitLSN = commitLSN
        self.endLSN = endLSN
        self.commitTime = commitTime
    }

    /// Decodes the fields after the type byte.
    public static func decode(from reader: inout ByteReader) throws(PgOutputDecodingError) -> CommitMessage {
        CommitMessage(
            flags: try reader.uint8("flags"),
            commitLSN: try reader.lsn("commit LSN"),
            endLSN: try reader.lsn("end LSN"),
            commitTime: try reader.timestamp("commit timestamp")
        )
    }
}
