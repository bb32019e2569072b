/// Column bytes exactly as received (text or binary format); not validated as UTF-8 until asked.
public struct ColumnBytes: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The raw bytes (a slice of the received payload, not a copy).
    public var bytes: ArraySlice<UInt8>

    /// Wraps received bytes.
    public init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
    }

    /// Copies bytes.
    public init(_ bytes: [UInt8]) {
        self.bytes = bytes[...]
    }

    /// The UTF-8 bytes of a string.
    public init(stringLiteral value: String) {
        self.bytes = Array(value.utf8)[...]
    }

    /// The value as a string, or nil when the bytes are not valid UTF-8.
    public var string: String? { String(validating: bytes, as: UTF8.self) }

    /// The number of bytes.
    public var count: Int { bytes.count }

    /// The byte count only, so that descriptions never leak row data.
    public var description: String { "\(bytes.count) bytes" }
}

/// One column of a TupleData.
public enum ColumnValue: Hashable, Sendable {
    /// `n`: SQL NULL.
    case null
    /// `u`: an unchanged TOASTed value that was not sent; it is NOT null, take it from the previous image.
    case unchanged
    /// `t`: the value in text format.
    case text(ColumnBytes)
    /// `b`: the value in binary (send/recv) format.
    case binary(ColumnBytes)

    /// The TupleData kind byte of each case.
    public enum Kind: UInt8, Sendable {
        /// The `null` kind byte.
        case null = 0x6E  // ascii: n
        /// The `unchanged` kind byte.
        case unchanged = 0x75  // ascii: u
        /// The `text` kind byte.
        case text = 0x74  // ascii: t
        /// The `binary` kind byte.
        case binary = 0x62  // ascii: b
    }

    /// The kind byte of this value.
    public var kind: Kind {
        switch self {
        case .null: .null
        case .unchanged: .unchanged
        case .text: .text
        case .binary: .binary
        }
    }

    /// The text value as a string; nil for NULL, unchanged, binary or invalid UTF-8.
    public var text: String? {
        if case .text(let bytes) = self { bytes.string } else { nil }
    }
}

/// The column values of one row image, in the relation's column order.
public struct TupleData: Hashable, Sendable {
    /// One value per published column.
    public var columns: [ColumnValue]

    /// Creates a tuple.
    public init(columns: [ColumnValue]) {
        self.columns = columns
    }

    /// Decodes `Int16 ncols` and the columns.
    public static func decode(from reader: inout ByteReader) throws(PgOutputDecodingError) -> TupleData {
        let count = try reader.count("TupleData column count", wide: false, minimumElementSize: 1)
        var columns: [ColumnValue] = []
        columns.reserveCapacity(count)
        for index in 0..<count {
            let kindOffset = reader.offset
            let byte = try reader.uint8("kind of column \(index)")
            switch ColumnValue.Kind(rawValue: byte) {
            case .null: columns.append(.null)
            case .unchanged: columns.append(.unchanged)
            case .text: columns.append(.text(ColumnBytes(try reader.lengthPrefixedBytes("column \(index)"))))
            case .binary: columns.append(.binary(ColumnBytes(try reader.lengthPrefixedBytes("column \(index)"))))
            case nil:
                throw reader.error(.unknownTupleKind, at: kindOffset, expected: "column \(index) kind n, u, t or b, got 0x\(String(byte, radix: 16))")
            }
        }
        return TupleData(columns: columns)
    }
}
