/// The options of a TRUNCATE.
public struct TruncateOptions: OptionSet, Hashable, Sendable {
    /// The raw option bits.
    public var rawValue: UInt8
    /// Creates options from their bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// `CASCADE`.
    public static let cascade = TruncateOptions(rawValue: 1)
    /// `RESTART IDENTITY`.
    public static let restartIdentity = TruncateOptions(rawValue: 2)
}

/// `T`: one or more relations truncated.
public struct TruncateMessage: Hashable, Sendable {
    /// The (sub)transaction ID, present only inside a streamed block.
    public var xid: UInt32?
    /// CASCADE / RESTART IDENTITY.
    public var options: TruncateOptions
    /// The truncated relations' OIDs.
    public var relationOIDs: [UInt32]

    /// Creates a message.
    public init(xid: UInt32? = nil, options: TruncateOptions, relationOIDs: [UInt32]) {
        self.xid = xid
        self.options = options
        self.relationOIDs = relationOIDs
    }

    /// Decodes the fields after the type byte (and the xid inside a streamed block).
    public static func decode(from reader: inout ByteReader, inStreamBlock: Bool) throws(PgOutputDecodingError) -> TruncateMessage {
        let xid = inStreamBlock ? try reader.uint32("streamed xid") : nil
        let countOffset = reader.offset
        let count = Int(try reader.int32("relation count"))
        let options = TruncateOptions(rawValue: try reader.uint8("options"))
        guard count >= 0 else { throw reader.error(.negativeCount, at: countOffset, expected: "non-negative relation count, got \(count)") }
        guard count <= reader.remaining / 4 else {
            throw reader.error(.countExceedsRemainingBytes, at: countOffset, expected: "relation count of at most \(reader.remaining / 4), got \(count)")
        }
        var oids: [UInt32] = []
        oids.reserveCapacity(count)
        for index in 0..<count {
            oids.append(try reader.uint32("OID of relation \(index)"))
        }
        return TruncateMessage(xid: xid, options: options, relationOIDs: oids)
    }
}
