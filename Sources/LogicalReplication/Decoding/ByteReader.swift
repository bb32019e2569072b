/// A cursor over received bytes whose reads return nil instead of trapping when bytes run out.
public struct ByteReader: Sendable {
    /// The bytes being read.
    public let bytes: ArraySlice<UInt8>
    /// The position of the next byte to read, counted from the start of `bytes`.
    public private(set) var offset: Int
    /// The wire byte of the message being read, reported in errors.
    public var messageID: UInt8?

    /// Creates a reader at the start of `bytes`.
    public init(_ bytes: ArraySlice<UInt8>, messageID: UInt8? = nil) {
        self.bytes = bytes
        self.offset = 0
        self.messageID = messageID
    }

    /// Creates a reader at the start of `bytes`.
    public init(_ bytes: [UInt8], messageID: UInt8? = nil) {
        self.init(bytes[...], messageID: messageID)
    }

    /// The number of bytes not yet read.
    public var remaining: Int { bytes.count - offset }

    private var index: Int { bytes.startIndex + offset }

    /// Reads one byte, or nil at the end.
    public mutating func readUInt8() -> UInt8? {
        guard remaining >= 1 else { return nil }
        defer { offset += 1 }
        return bytes[index]
    }

    private mutating func readBigEndian<T: FixedWidthInteger>(_: T.Type) -> T? {
        let size = MemoryLayout<T>.size
        guard remaining >= size else { return nil }
        var value: T = 0
        var position = index
        for _ in 0..<size {
            value = value << 8 | T(truncatingIfNeeded: bytes[position])
            position += 1
        }
        offset += size
        return value
    }

    /// Reads a big-endian Int16, or nil when fewer than 2 bytes remain.
    public mutating func readInt16() -> Int16? { readBigEndian(Int16.self) }
    /// Reads a big-endian Int32, or nil when fewer than 4 bytes remain.
    public mutating func readInt32() -> Int32? { readBigEndian(Int32.self) }
    /// Reads a big-endian UInt32, or nil when fewer than 4 bytes remain.
    public mutating func readUInt32() -> UInt32? { readBigEndian(UInt32.self) }
    /// Reads a big-endian Int64, or nil when fewer than 8 bytes remain.
    public mutating func readInt64() -> Int64? { readBigEndian(Int64.self) }
    /// Reads a big-endian UInt64, or nil when fewer than 8 bytes remain.
    public mutating func readUInt64() -> UInt64? { readBigEndian(UInt64.self) }

    /// Reads `count` bytes without copying, or nil when fewer remain or `count` is negative.
    public mutating func readBytes(_ count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, remaining >= count else { return nil }
        defer { offset += count }
        return bytes[index..<(index + count)]
    }

    /// Reads the bytes up to a NUL and consumes the NUL, or nil when no NUL follows.
    public mutating func readNulTerminated() -> ArraySlice<UInt8>? {
        guard let nul = bytes[index...].firstIndex(of: 0) else { return nil }
        let value = bytes[index..<nul]
        offset = nul + 1 - bytes.startIndex
        return value
    }

    /// Reads everything that is left.
    public mutating func readRemaining() -> ArraySlice<UInt8> {
        defer { offset = bytes.count }
        return bytes[index...]
    }
}

extension ByteReader {
    func error(_ code: PgOutputDecodingError.Code, at offset: Int? = nil, expected: String) -> PgOutputDecodingError {
        PgOutputDecodingError(code: code, messageID: messageID, offset: offset ?? self.offset, expected: expected)
    }

    mutating func uint8(_ field: String) throws(PgOutputDecodingError) -> UInt8 {
        guard let value = readUInt8() else { throw error(.truncated, expected: "Int8 \(field)") }
        return value
    }

    mutating func int16(_ field: String) throws(PgOutputDecodingError) -> Int16 {
        guard let value = readInt16() else { throw error(.truncated, expected: "Int16 \(field)") }
        return value
    }

    mutating func int32(_ field: String) throws(PgOutputDecodingError) -> Int32 {
        guard let value = readInt32() else { throw error(.truncated, expected: "Int32 \(field)") }
        return value
    }

    mutating func uint32(_ field: String) throws(PgOutputDecodingError) -> UInt32 {
        guard let value = readUInt32() else { throw error(.truncated, expected: "Int32 \(field)") }
        return value
    }

    mutating func int64(_ field: String) throws(PgOutputDecodingError) -> Int64 {
        guard let value = readInt64() else { throw error(.truncated, expected: "Int64 \(field)") }
        return value
    }

    mutating func lsn(_ field: String) throws(PgOutputDecodingError) -> LSN {
        guard let value = readUInt64() else { throw error(.truncated, expected: "Int64 \(field)") }
        return LSN(value)
    }

    mutating func timestamp(_ field: String) throws(PgOutputDecodingError) -> PostgresTimestamp {
        PostgresTimestamp(microsecondsSince2000: try int64(field))
    }

    /// Reads an Int32 length that must be non-negative and fit in the remaining bytes, then the bytes.
    mutating func lengthPrefixedBytes(_ field: String) throws(PgOutputDecodingError) -> ArraySlice<UInt8> {
        let start = offset
        let length = try int32("length of \(field)")
        guard length >= 0 else { throw error(.negativeLength, at: start, expected: "non-negative length of \(field), got \(length)") }
        guard let value = readBytes(Int(length)) else {
            throw error(.truncated, expected: "\(length) bytes of \(field), \(remaining) left")
        }
        return value
    }

    /// Reads an Int16 or Int32 count that must be non-negative and at most the remaining bytes / `minimumSize`.
    mutating func count(_ field: String, wide: Bool, minimumElementSize: Int) throws(PgOutputDecodingError) -> Int {
        let start = offset
        let count = wide ? Int(try int32(field)) : Int(try int16(field))
        guard count >= 0 else { throw error(.negativeCount, at: start, expected: "non-negative \(field), got \(count)") }
        guard count <= remaining / minimumElementSize else {
            throw error(.countExceedsRemainingBytes, at: start, expected: "\(field) of at most \(remaining / minimumElementSize) for \(remaining) remaining bytes, got \(count)")
        }
        return count
    }

    /// Reads a NUL-terminated UTF-8 string (names, prefixes).
    mutating func string(_ field: String) throws(PgOutputDecodingError) -> String {
        let start = offset
        guard let raw = readNulTerminated() else { throw error(.missingNulTerminator, expected: "NUL-terminated \(field)") }
        guard let value = String(validating: raw, as: UTF8.self) else {
            throw error(.invalidUTF8, at: start, expected: "UTF-8 \(field)")
        }
        return value
    }
}
