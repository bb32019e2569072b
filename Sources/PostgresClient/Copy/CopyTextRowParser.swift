/// Parses one line of PostgreSQL's COPY text format into column values.
///
/// Columns are tab-separated, `\N` is NULL, and backslash escapes (`\t`, `\n`, `\\`, octal
/// `\ooo`, hex `\xhh`, …) stand for the bytes they name. The trailing newline is optional.
public struct CopyTextRowParser {
    private var field: [UInt8] = []

    /// Creates a parser; one parser serves any number of lines.
    public init() {}

    /// The line's values in column order, nil for NULL.
    public mutating func parse(_ line: UnsafeRawBufferPointer) -> [String?] {
        var values: [String?] = []
        forEachField(in: line) { bytes in values.append(bytes.map { String(decoding: $0, as: UTF8.self) }) }
        return values
    }

    /// Calls `body` with each of the line's values in column order, as its bytes (nil for NULL), without making strings:
    /// the bytes are valid only during the call.
    public mutating func forEachField(in line: UnsafeRawBufferPointer, _ body: (UnsafeBufferPointer<UInt8>?) throws -> Void) rethrows {
        let bytes = line.assumingMemoryBound(to: UInt8.self)
        var end = bytes.count
        if end > 0, bytes[end - 1] == UInt8(ascii: "\n") { end -= 1 }
        var start = 0
        while true {
            var stop = start
            var escaped = false
            while stop < end, bytes[stop] != UInt8(ascii: "\t") {
                if bytes[stop] == UInt8(ascii: "\\") { escaped = true }
                stop += 1
            }
            if stop - start == 2, bytes[start] == UInt8(ascii: "\\"), bytes[start + 1] == UInt8(ascii: "N") {
                try body(nil)
            } else if !escaped {
                try body(UnsafeBufferPointer(rebasing: bytes[start..<stop]))
            } else {
                decodeField(bytes, from: start, to: stop)
                try field.withUnsafeBufferPointer { try body($0) }
            }
            if stop >= end { break }
            start = stop + 1
        }
    }

    /// Decodes a field's escapes into `field`.
    private mutating func decodeField(_ line: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) {
        field.removeAll(keepingCapacity: true)
        var index = start
        while index < end {
            let byte = line[index]
            index += 1
            guard byte == UInt8(ascii: "\\"), index < end else {
                field.append(byte)
                continue
            }
            let escape = line[index]
            index += 1
            switch escape {
            case UInt8(ascii: "b"): field.append(8)
            case UInt8(ascii: "f"): field.append(12)
            case UInt8(ascii: "n"): field.append(10)
            case UInt8(ascii: "r"): field.append(13)
            case UInt8(ascii: "t"): field.append(9)
            case UInt8(ascii: "v"): field.append(11)
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var value = Int(escape - UInt8(ascii: "0"))
                var digits = 1
                while digits < 3, index < end, (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(line[index]) {
                    value = value * 8 + Int(line[index] - UInt8(ascii: "0"))
                    index += 1
                    digits += 1
                }
                field.append(UInt8(truncatingIfNeeded: value))
            case UInt8(ascii: "x"):
                var value = 0
                var digits = 0
                while digits < 2, index < end, let digit = hexValue(line[index]) {
                    value = value * 16 + digit
                    index += 1
                    digits += 1
                }
                if digits == 0 { field.append(escape) } else { field.append(UInt8(value)) }
            default:
                field.append(escape)
            }
        }
    }

    private func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(byte - UInt8(ascii: "A")) + 10
        default: nil
        }
    }
}
