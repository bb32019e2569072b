/// `E` (protocol 2): the end of a streamed block; it has no fields.
public struct StreamStopMessage: Hashable, Sendable {
    /// Creates a message.
    public init() {}

    /// Decodes the (absent) fields after the type byte.
    public static func decode(from reader: inout ByteReader) throws(PgOutputDecodingError) -> StreamStopMessage {
        StreamStopMessage()
    }
}
