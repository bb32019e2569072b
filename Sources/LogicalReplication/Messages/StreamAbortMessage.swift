/// `A` (protocol 2): a streamed transaction, or one of its subtransactions, rolled back.
public struct StreamAbortMessage: Hashable, Sendable {
    /// The top-level transaction ID.
    public var xid: UInt32
    /// The aborted subtransaction; equal to `xid` when the whole transaction aborted.
    public var subtransactionXID: UInt32
    /// The abort LSN, sent only with protocol 4 and parallel streaming.
    public var abortLSN: LSN?
    /// The abort timestamp, sent only with protocol 4 and parallel streaming.
    public var abortTime: PostgresTimestamp?

    /// Whether the whole top-level transaction aborted.
    public var abortsWholeTransaction: Bool { xid == subtransactionXID }

    /// Creates a message.
    public init(xid: UInt32, subtransactionXID: UInt32, abortLSN: LSN? = nil, abortTime: PostgresTimestamp? = nil) {
        self.xid = xid
        self.subtransactionXID = subtransactionXID
        self.abortLSN = abortLSN
        self.abortTime = abortTime
    }

    /// Decodes the fields after the type byte; the abort LSN and time are read when bytes remain.
    public static func decode(from reader: inout ByteReader) throws(PgOutputDecodingError) -> StreamAbortMessage {
        let xid = try reader.uint32("xid")
        let subxid = try reader.uint32("subtransaction xid")
        guard reader.remaining > 0 else { return StreamAbortMessage(xid: xid, subtransactionXID: subxid) }
        return StreamAbortMessage(xid: xid, subtransactionXID: subxid, abortLSN: try reader.lsn("abort LSN"), abortTime: try reader.timestamp("abort timestamp"))
    }
}
