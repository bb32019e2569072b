/// One pgoutput message (the payload of an XLogData), protocol versions 1 and 2.
public enum PgOutputMessage: Hashable, Sendable {
    /// `B` Begin.
    case begin(BeginMessage)
    /// `C` Commit.
    case commit(CommitMessage)
    /// `O` Origin.
    case origin(OriginMessage)
    /// `R` Relation.
    case relation(RelationMessage)
    /// `Y` Type.
    case type(TypeMessage)
    /// `I` Insert.
    case insert(InsertMessage)
    /// `U` Update.
    case update(UpdateMessage)
    /// `D` Delete.
    case delete(DeleteMessage)
    /// `T` Truncate.
    case truncate(TruncateMessage)
    /// `M` logical decoding message.
    case message(LogicalMessage)
    /// `S` Stream Start (protocol 2).
    case streamStart(StreamStartMessage)
    /// `E` Stream Stop (protocol 2).
    case streamStop(StreamStopMessage)
    /// `c` Stream Commit (protocol 2).
    case streamCommit(StreamCommitMessage)
    /// `A` Stream Abort (protocol 2).
    case streamAbort(StreamAbortMessage)

    /// The wire type bytes.
    public enum ID: UInt8, Hashable, Sendable {
        case begin = 0x42  // ascii: B
        case commit = 0x43  // ascii: C
        case origin = 0x4F  // ascii: O
        case relation = 0x52  // ascii: R
        case type = 0x59  // ascii: Y
        case insert = 0x49  // ascii: I
        case update = 0x55  // ascii: U
        case delete = 0x44  // ascii: D
        case truncate = 0x54  // ascii: T
        case message = 0x4D  // ascii: M
        case streamStart = 0x53  // ascii: S
        case streamStop = 0x45  // ascii: E
        case streamCommit = 0x63  // ascii: c
        case streamAbort = 0x41  // ascii: A
    }

    /// The message's type byte.
    public var id: ID {
        switch self {
        case .begin: .begin
        case .commit: .commit
        case .origin: .origin
        case .relation: .relation
        case .type: .type
        case .insert: .insert
        case .update: .update
        case .delete: .delete
        case .truncate: .truncate
        case .message: .message
        case .streamStart: .streamStart
        case .streamStop: .streamStop
        case .streamCommit: .streamCommit
        case .streamAbort: .streamAbort
        }
    }

    /// Decodes one whole message; `inStreamBlock` says whether it arrived between Stream Start and Stream Stop.
    ///
    /// Fails when the type byte is unknown, a field is malformed, or bytes are left over.
    public static func decode(from bytes: ArraySlice<UInt8>, inStreamBlock: Bool) throws(PgOutputDecodingError) -> PgOutputMessage {
        var reader = ByteReader(bytes)
        guard let byte = reader.readUInt8() else {
            throw PgOutputDecodingError(code: .emptyPayload, messageID: nil, offset: 0, expected: "a message type byte")
        }
        reader.messageID = byte
        guard let id = ID(rawValue: byte) else {
            throw reader.error(.unknownMessageID, at: 0, expected: "a pgoutput message type, got 0x\(String(byte, radix: 16))")
        }
        let message: PgOutputMessage
        switch id {
        case .begin: message = .begin(try .decode(from: &reader))
        case .commit: message = .commit(try .decode(from: &reader))
        case .origin: message = .origin(try .decode(from: &reader))
        case .relation: message = .relation(try .decode(from: &reader, inStreamBlock: inStreamBlock))
        case .type: message = .type(try .decode(from: &reader, inStreamBlock: inStreamBlock))
        case .insert: message = .insert(try .decode(from: &reader, inStreamBlock: inStreamBlock))
        case .update: message = .update(try .decode(from: &reader, inStreamBlock: inStreamBlock))
        case .delete: message = .delete(try .decode(from: &reader, inStreamBlock: inStreamBlock))
        case .truncate: message = .truncate(try .decode(from: &reader, inStreamBlock: inStreamBlock))
        case .message: message = .message(try .decode(from: &reader, inStreamBlock: inStreamBlock))
        case .streamStart: message = .streamStart(try .decode(from: &reader))
        case .streamStop: message = .streamStop(try .decode(from: &reader))
        case .streamCommit: message = .streamCommit(try .decode(from: &reader))
        case .streamAbort: message = .streamAbort(try .decode(from: &reader))
        }
        guard reader.remaining == 0 else {
            throw reader.error(.leftoverBytes, expected: "end of message, \(reader.remaining) bytes left over")
        }
        return message
    }

    /// Decodes one whole message held in an array.
    public static func decode(from bytes: [UInt8], inStreamBlock: Bool) throws(PgOutputDecodingError) -> PgOutputMessage {
        try decode(from: bytes[...], inStreamBlock: inStreamBlock)
    }
}
