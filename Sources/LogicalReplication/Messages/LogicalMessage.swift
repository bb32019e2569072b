/// `M`: a message written with `pg_logical_emit_message`.
public struct LogicalMessage: Hashable, Sendable {
    /// The (sub)transaction ID, present only inside a streamed block.
    public var xid: UInt32?
    /// Flags; bit 1 means transactional (delivered at commit inside its transaction).
    public var flags: UInt8
    /// The LSN of the message.
    public var lsn: LSN
    /// The prefix given to `pg_logical_emit_message`.
    public var prefix: String
    /// The content bytes.
    public var content: ColumnBytes

    /// Whether the message belongs to a transaction (flag bit 1).
    public var isTransactional: Bool { flags & 1 != 0 }

    /// Creates a message.
    public init(xid: UInt32? = nil, flags: UInt8, lsn: LSN, prefix: String, content: ColumnBytes) {
        self.xid = xid
        self.flags = flags
        self.lsn = lsn
        self.prefix = prefix
        self.content = content
    }

    /// Decodes the fields after the type byte (and the xid inside a streamed block).
    public static func decode(from reader: inout ByteReader, inStreamBlock: Bool) throws(PgOutputDecodingError) -> LogicalMessage {
        let xid = inStreamBlock ? try reader.uint32("streamed xid") : nil
        return LogicalMessage(
            xid: xid,
            flags: try reader.uint8("flags"),
            lsn: try reader.lsn("message LSN"),
            prefix: try reader.string("prefix"),
            content: ColumnBytes(try reader.lengthPrefixedBytes("content"))
        )
    }
}
