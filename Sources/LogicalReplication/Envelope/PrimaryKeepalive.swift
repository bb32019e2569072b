/// `k`: the walsender's keepalive, carrying how far it has sent WAL.
public struct PrimaryKeepalive: Hashable, Sendable {
    /// The walsender's sent position.
    public var walEnd: LSN
    /// The server's clock.
    public var serverTime: PostgresTimestamp
    /// Whether the server asks for an immediate standby status update.
    public var replyRequested: Bool

    /// Creates a message.
    public init(walEnd: LSN, serverTime: PostgresTimestamp, replyRequested: Bool) {
        self.walEnd = walEnd
        self.serverTime = serverTime
        self.replyRequested = replyRequested
    }

    /// Decodes the fields after the type byte.
    public static func decode(from reader: inout ByteReader) throws(PgOutputDecodingError) -> PrimaryKeepalive {
        let walEnd = try reader.lsn("WAL end")
        let serverTime = try reader.timestamp("server clock")
        let replyOffset = reader.offset
        let reply = try reader.uint8("reply requested")
        guard reply <= 1 else {
            throw reader.error(.unexpectedByte, at: replyOffset, expected: "reply requested 0 or 1, got \(reply)")
        }
        return PrimaryKeepalive(walEnd: walEnd, serverTime: serverTime, replyRequested: reply == 1)
    }
}
