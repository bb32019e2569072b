/// Rows in COPY's text format, built one field at a time for ``PostgresConnection/copyIn(_:rows:)``: fields separated
/// by tabs, rows ended by newlines, NULL as `\N`, and backslash, tab, newline and carriage return escaped.
public struct CopyTextRows: Sendable {
    /// The rows' text as UTF-8 bytes, ready to send.
    public private(set) var bytes: [UInt8] = []
    /// How many rows are complete.
    public private(set) var count = 0
    private var fieldsInRow = 0

    /// Creates an empty set of rows; `capacity` reserves bytes for the text.
    public init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// The rows' text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Adds a field to the current row (nil is NULL).
    public mutating func append(_ field: String?) {
        startField()
        guard var field else {
            bytes.append(UInt8(ascii: "\\"))
            return bytes.append(UInt8(ascii: "N"))
        }
        field.withUTF8 { append(escaping: $0) }
    }

    /// Adds an integer field to the current row (its value must fit in an `Int64`).
    @inlinable
    public mutating func append(_ number: some BinaryInteger) {
        append(Int64(number))
    }

    /// Adds an integer field to the current row, its decimal digits written straight into the text.
    public mutating func append(_ number: Int64) {
        startField()
        if number < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = number.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    /// Ends the current row.
    public mutating func endRow() {
        bytes.append(UInt8(ascii: "\n"))
        count += 1
        fieldsInRow = 0
    }

    private mutating func startField() {
        if fieldsInRow > 0 { bytes.append(UInt8(ascii: "\t")) }
        fieldsInRow += 1
    }

    private mutating func append(escaping utf8: UnsafeBufferPointer<UInt8>) {
        var start = 0
        for index in 0..<utf8.count {
            let escape: UInt8
            switch utf8[index] {
            case UInt8(ascii: "\\"): escape = UInt8(ascii: "\\")
            case UInt8(ascii: "\t"): escape = UInt8(ascii: "t")
            case UInt8(ascii: "\n"): escape = UInt8(ascii: "n")
            case UInt8(ascii: "\r"): escape = UInt8(ascii: "r")
            default: continue
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
            bytes.append(UInt8(ascii: "\\"))
            bytes.append(escape)
            start = index + 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
    }
}
