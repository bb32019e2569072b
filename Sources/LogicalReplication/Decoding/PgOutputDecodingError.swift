/// A malformed replication payload: which message, at which byte offset, and what was expected there.
public struct PgOutputDecodingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of malformation; a struct so that kinds can be added without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case emptyPayload, unknownMessageID, truncated, leftoverBytes, negativeLength, negativeCount,
                 countExceedsRemainingBytes, missingNulTerminator, invalidUTF8, unknownTupleKind, unexpectedByte
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The payload has no bytes at all.
        public static let emptyPayload = Code(.emptyPayload)
        /// The first byte is not a known message.
        public static let unknownMessageID = Code(.unknownMessageID)
        /// The payload ends before a field.
        public static let truncated = Code(.truncated)
        /// Bytes follow the end of a complete message.
        public static let leftoverBytes = Code(.leftoverBytes)
        /// A length field is negative.
        public static let negativeLength = Code(.negativeLength)
        /// A count field is negative.
        public static let negativeCount = Code(.negativeCount)
        /// A count field announces more elements than the remaining bytes can hold.
        public static let countExceedsRemainingBytes = Code(.countExceedsRemainingBytes)
        /// A string has no terminating NUL.
        public static let missingNulTerminator = Code(.missingNulTerminator)
        /// A name or prefix is not valid UTF-8.
        public static let invalidUTF8 = Code(.invalidUTF8)
        /// A TupleData column kind is not `n`, `u`, `t` or `b`.
        public static let unknownTupleKind = Code(.unknownTupleKind)
        /// A marker or enumerated byte has a value the protocol does not allow there.
        public static let unexpectedByte = Code(.unexpectedByte)

        /// The code's name.
        public var description: String { base.rawValue }
    }

    /// What is wrong.
    public var code: Code
    /// The first byte of the message being decoded (pgoutput type or envelope `w`/`k`), nil for an empty payload.
    public var messageID: UInt8?
    /// The byte offset within the message (its type byte is offset 0) where the problem starts.
    public var offset: Int
    /// What the decoder expected at `offset`.
    public var expected: String

    /// Creates an error.
    public init(code: Code, messageID: UInt8?, offset: Int, expected: String) {
        self.code = code
        self.messageID = messageID
        self.offset = offset
        self.expected = expected
    }

    /// A one-line summary naming the message, offset and expectation; never carries row data.
    public var description: String {
        let id = messageID.map { byte in
            (0x20..<0x7F).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "0x" + String(byte, radix: 16)
        } ?? "none"
        return "pgoutput decoding error \(code) in message \(id) at offset \(offset): expected \(expected)"
    }
}
