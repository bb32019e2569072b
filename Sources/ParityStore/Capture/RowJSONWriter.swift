/// Writes the JSON texts of ``RowJSON`` (an object of strings or nulls, or an array of them) byte by
/// byte, so a captured row's image is built straight from the bytes the source sent.
///
/// Strings are escaped as RFC 8259 requires (`"`, `\`, and control characters below U+0020); every
/// other byte is copied as is, so the output is UTF-8 exactly when every string was.
public struct RowJSONWriter: Sendable {
    private var bytes: [UInt8] = []
    private var isEmpty = true
    private let close: UInt8

    /// Starts an object (`{`), whose members are written with ``member(_:)`` then a value.
    public static func object(capacity: Int = 128) -> RowJSONWriter {
        RowJSONWriter(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), capacity: capacity)
    }

    /// Starts an array (`[`), whose elements are values.
    public static func array(capacity: Int = 32) -> RowJSONWriter {
        RowJSONWriter(open: UInt8(ascii: "["), close: UInt8(ascii: "]"), capacity: capacity)
    }

    private init(open: UInt8, close: UInt8, capacity: Int) {
        bytes.reserveCapacity(capacity)
        bytes.append(open)
        self.close = close
    }

    /// Starts an object member: `"name":`.
    public mutating func member(_ name: String) {
        separate()
        var name = name
        name.withUTF8 { append(quoted: $0) }
        bytes.append(UInt8(ascii: ":"))
    }

    /// Writes a string value from its UTF-8 bytes (a member's value, or an array element).
    public mutating func string(_ utf8: ArraySlice<UInt8>) {
        utf8.withUnsafeBufferPointer { string($0) }
    }

    /// Writes a string value from its UTF-8 bytes (a member's value, or an array element).
    public mutating func string(_ utf8: UnsafeBufferPointer<UInt8>) {
        if close == UInt8(ascii: "]") { separate() }
        append(quoted: utf8)
    }

    /// Writes a string value.
    public mutating func string(_ text: String) {
        if close == UInt8(ascii: "]") { separate() }
        var text = text
        text.withUTF8 { append(quoted: $0) }
    }

    /// Writes `null` (a member's value, or an array element).
    public mutating func null() {
        if close == UInt8(ascii: "]") { separate() }
        bytes.append(contentsOf: [UInt8(ascii: "n"), UInt8(ascii: "u"), UInt8(ascii: "l"), UInt8(ascii: "l")])
    }

    /// Writes a number value (a member's value, or an array element).
    public mutating func number(_ value: Int) {
        if close == UInt8(ascii: "]") { separate() }
        bytes.append(contentsOf: String(value).utf8)
    }

    /// Closes the object or array; nil when a string's bytes were not valid UTF-8.
    public consuming func finish() -> String? {
        bytes.append(close)
        return String(validating: bytes, as: UTF8.self)
    }

    /// Closes the object or array and appends its text (UTF-8, as written) to `output`, leaving the writer empty, its
    /// buffer kept, for the next one: for writing many texts without allocating a buffer for each.
    public mutating func take(appendingTo output: inout [UInt8]) {
        bytes.append(close)
        output.append(contentsOf: bytes)
        bytes.removeSubrange(1...)
        isEmpty = true
    }

    private mutating func separate() {
        if !isEmpty { bytes.append(UInt8(ascii: ",")) }
        isEmpty = false
    }

    private mutating func append(quoted utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        var start = 0
        for index in 0..<utf8.count {
            let byte = utf8[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
            appendEscape(byte)
            start = index + 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscape(_ byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
        case UInt8(ascii: "\n"): bytes.append(UInt8(ascii: "n"))
        case UInt8(ascii: "\r"): bytes.append(UInt8(ascii: "r"))
        case UInt8(ascii: "\t"): bytes.append(UInt8(ascii: "t"))
        default:
            let hex = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
        }
    }
}
