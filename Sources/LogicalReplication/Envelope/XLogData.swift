/// `w`: a header and one pgoutput message.
public struct XLogData: Hashable, Sendable {
    /// The WAL start of the data: the change's LSN, the end LSN for a Commit, 0 for messages such as Relation.
    public var dataStart: LSN
    /// The current end of WAL on the server.
    public var walEnd: LSN
    /// The server's clock when sending.
    public var sendTime: PostgresTimestamp
    /// The pgoutput message bytes (a slice of the received payload).
    public var data: ArraySlice<UInt8>

    /// Creates a message.
    public init(dataStart: LSN, walEnd: LSN, sendTime: PostgresTimestamp, data: ArraySlice<UInt8>) {
        self.dataStart = dataStart
        self.walEnd = walEnd
        self.sendTime = sendTime
        self.data = data
    }

    /// Decodes the header after the type byte; all remaining bytes are the pgoutput message.
    public static func decode(from reader: inout ByteReader) throws(PgOutputDecodingError) -> XLogData {
        let dataStart = try reader.lsn("data start")
        let walEnd = try reader.lsn("WAL end")
        let sendTime = try reader.timestamp("send time")
        return XLogData(dataStart: dataStart, walEnd: walEnd, sendTime: sendTime, data: reader.readRemaining())
    }
}
