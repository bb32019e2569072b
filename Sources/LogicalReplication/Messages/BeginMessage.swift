/// `B`: the start of a transaction sent at its commit.
public struct BeginMessage: Hashable, Sendable {
    /// The LSN of the commit record (equals the Commit's `commitLSN`).
    public var finalLSN: LSN
    /// The commit timestamp, from the source server's clock.
    public var commitTime: PostgresTimestamp
    /// The transaction ID.
    public var xid: UInt32

    /// Creates a message.
    public init(finalLSN: LSN, commitTime: PostgresTimestamp, xid: UInt32) {
        self.finalLSN = finalLSN
        self.commitTime = commitTime
        self.xid = xid
    }

    /// Decodes the fields after the type byte.
    public static func decode(from reader: inout ByteReader) throws(PgOutputDecodingError) -> BeginMessage {
        BeginMessage(finalLSN: try reader.lsn("final LSN"), commitTime: try reader.timestamp("commit timestamp"), xid: try reader.uint32("xid"))
    }
}
