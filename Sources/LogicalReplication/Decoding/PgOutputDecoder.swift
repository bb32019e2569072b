/// Decodes a sequence of pgoutput messages, tracking whether they arrive inside a streamed block.
public struct PgOutputDecoder: Sendable {
    /// Whether the last Stream Start has not yet been followed by a Stream Stop.
    public private(set) var inStreamBlock: Bool

    /// Creates a decoder outside any streamed block.
    public init() {
        self.inStreamBlock = false
    }

    /// Decodes the next message in arrival order and updates the streamed-block state.
    public mutating func decode(_ bytes: ArraySlice<UInt8>) throws(PgOutputDecodingError) -> PgOutputMessage {
        let message = try PgOutputMessage.decode(from: bytes, inStreamBlock: inStreamBlock)
        switch message {
        case .streamStart: inStreamBlock = true
        case .streamStop: inStreamBlock = false
        default: break
        }
        return message
    }

    /// Decodes the next message in arrival order and updates the streamed-block state.
    public mutating func decode(_ bytes: [UInt8]) throws(PgOutputDecodingError) -> PgOutputMessage {
        try decode(bytes[...])
    }
}
