/// A CopyData payload sent by a walsender during logical replication.
public enum ReplicationMessage: Hashable, Sendable {
    /// `w`: WAL data carrying one pgoutput message.
    case xLogData(XLogData)
    /// `k`: a primary keepalive.
    case primaryKeepalive(PrimaryKeepalive)

    /// The wire type bytes.
    public enum ID: UInt8, Hashable, Sendable {
        case xLogData = 0x77  // ascii: w
        case primaryKeepalive = 0x6B  // ascii: k
    }

    /// The message's type byte.
    public var id: ID {
        switch self {
        case .xLogData: .xLogData
        case .primaryKeepalive: .primaryKeepalive
        }
    }

    /// Decodes one CopyData payload; the pgoutput message inside `w` is left undecoded.
    public static func decode(from bytes: ArraySlice<UInt8>) throws(PgOutputDecodingError) -> ReplicationMessage {
        var reader = ByteReader(bytes)
        guard let byte = reader.readUInt8() else {
            throw PgOutputDecodingError(code: .emptyPayload, messageID: nil, offset: 0, expected: "a replication message type byte")
        }
        reader.messageID = byte
        switch ID(rawValue: byte) {
        case .xLogData:
            return .xLogData(try XLogData.decode(from: &reader))
        case .primaryKeepalive:
            let keepalive = try PrimaryKeepalive.decode(from: &reader)
            guard reader.remaining == 0 else {
                throw reader.error(.leftoverBytes, expected: "end of keepalive, \(reader.remaining) bytes left over")
            }
            return .primaryKeepalive(keepalive)
        case nil:
            throw reader.error(.unknownMessageID, at: 0, expected: "'w' or 'k', got 0x\(String(byte, radix: 16))")
        }
    }

    /// Decodes one CopyData payload; the pgoutput message inside `w` is left undecoded.
    public static func decode(from bytes: [UInt8]) throws(PgOutputDecodingError) -> ReplicationMessage {
        try decode(from: bytes[...])
    }
}
