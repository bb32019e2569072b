/// A PostgreSQL write-ahead log position, written `X/Y` in upper-case hex (`0/1989D78`).
public struct LSN: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible, LosslessStringConvertible, Codable {
    /// The 64-bit WAL byte position.
    public var rawValue: UInt64

    /// The invalid position `0/0`, which PostgreSQL uses for "none".
    public static let invalid = LSN(0)

    /// Creates a position from its 64-bit value.
    public init(_ value: UInt64) {
        self.rawValue = value
    }

    /// Creates a position from its 64-bit value.
    public init(rawValue: UInt64) {
        self.rawValue = rawValue
    }

    /// Parses `X/Y` where X and Y are 1 to 8 hex digits; nil for anything else.
    public init?(_ description: String) {
        let utf8 = Array(description.utf8)
        guard let slash = utf8.firstIndex(of: UInt8(ascii: "/")),
              let upper = LSN.parseHex(utf8[..<slash]),
              let lower = LSN.parseHex(utf8[(slash + 1)...])
        else { return nil }
        self.rawValue = UInt64(upper) << 32 | UInt64(lower)
    }

    private static func parseHex(_ digits: ArraySlice<UInt8>) -> UInt32? {
        guard (1...8).contains(digits.count) else { return nil }
        var value: UInt32 = 0
        for digit in digits {
            let nibble: UInt8
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = digit - UInt8(ascii: "0")
            case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = digit - UInt8(ascii: "A") + 10
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = digit - UInt8(ascii: "a") + 10
            default: return nil
            }
            value = value << 4 | UInt32(nibble)
        }
        return value
    }

    /// Whether this is a real position (not `0/0`).
    public var isValid: Bool { rawValue != 0 }

    /// The PostgreSQL spelling, e.g. `0/1989D78`.
    public var description: String {
        String(rawValue >> 32, radix: 16, uppercase: true) + "/" + String(rawValue & 0xFFFF_FFFF, radix: 16, uppercase: true)
    }

    /// The signed number of WAL bytes from this position to `other` (positive when `other` is later).
    public func distance(to other: LSN) -> Int64 {
        Int64(bitPattern: other.rawValue &- rawValue)
    }

    /// The position `bytes` further on (wrapping, never trapping).
    public func advanced(by bytes: Int64) -> LSN {
        LSN(rawValue &+ UInt64(bitPattern: bytes))
    }

    public static func < (lhs: LSN, rhs: LSN) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    /// Decodes from the `X/Y` string form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let lsn = LSN(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "invalid LSN \(text)")
        }
        self = lsn
    }

    /// Encodes as the `X/Y` string form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
