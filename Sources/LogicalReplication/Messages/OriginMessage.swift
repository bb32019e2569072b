/// `O`: the replication origin of the current transaction (sent after Begin).
public struct OriginMessage: Hashable, Sendable {
    /// The commit LSN on the origin server.
    public var commitLSN: LSN
    /// The origin's name.
    public var name: String

    /// Creates a message.
    public init(commitLSN: LSN, name: String) {
        self.commitLSN = commitLSN
        self.name = name
    }

    /// Decodes the fields after the type byte.
    public static func decode(from reader: inout ByteReader) throws(PgOutputDecodingError) -> OriginMessage {
        OriginMessage(commitLSN: try reader.lsn("origin commit LSN"), name: try reader.string("origin name"))
    }
}
