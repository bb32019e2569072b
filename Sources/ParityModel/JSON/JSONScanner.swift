/// Reads JSON text (RFC 8259) over its UTF-8 bytes, one token at a time: Parity's one JSON reader, under the store's
/// row codec (keys and row images, the hot path of a close) and the comparison's structural JSON values.
///
/// Every read returns nil when the next token is not what was asked for; nothing traps. Token reads skip the
/// whitespace before them.
public struct JSONScanner {
    @usableFromInline let bytes: UnsafeBufferPointer<UInt8>
    /// The offset of the next byte to read.
    public var index = 0

    @inlinable
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Runs `body` with a scanner over `text`'s UTF-8 bytes.
    @inlinable
    public static func scan<T>(_ text: String, _ body: (inout JSONScanner) -> T?) -> T? {
        var text = text
        return text.withUTF8 { bytes in
            var scanner = JSONScanner(bytes)
            return body(&scanner)
        }
    }

    /// The next byte, without reading it; nil at the end.
    @inlinable
    public var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// Whether only whitespace is left.
    @inlinable
    public var atEnd: Bool {
        mutating get {
            skipSpace()
            return index == bytes.count
        }
    }

    /// Reads `byte` (a structural character: `[`, `{`, `,`, `:`, ...) if it is next.
    @inlinable
    public mutating func consume(_ byte: UInt8) -> Bool {
        skipSpace()
        guard peek == byte else { return false }
        index += 1
        return true
    }

    /// Reads `word` (`true`, `false`, `null`) if it is next.
    @inlinable
    public mutating func consume(word: StaticString) -> Bool {
        skipSpace()
        let matches = word.withUTF8Buffer { expected in
            bytes.count - index >= expected.count && UnsafeBufferPointer(rebasing: bytes[index..<index + expected.count]).elementsEqual(expected)
        }
        if matches { index += word.utf8CodeUnitCount }
        return matches
    }

    @inlinable
    public mutating func skipSpace() {
        while let byte = peek, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
    }

    /// A quoted string; plain runs are copied as they are, escapes decoded (`\uD83D\uDE00` surrogate pairs joined).
    @inlinable
    public mutating func string() -> String? {
        skipSpace()
        guard peek == UInt8(ascii: "\"") else { return nil }
        index += 1
        var start = index
        var decoded: [UInt8] = []
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\""):
                let run = UnsafeBufferPointer(rebasing: bytes[start..<index])
                index += 1
                // The text is a Swift String cut at ASCII quotes, so every run is valid UTF-8: decoding never repairs,
                // and unlike `String(validating:)` it is specialized (no generic metadata per value).
                if decoded.isEmpty { return String(decoding: run, as: UTF8.self) }
                decoded.append(contentsOf: run)
                return String(decoding: decoded, as: UTF8.self)
            case UInt8(ascii: "\\"):
                decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                index += 1
                guard let scalar = escape() else { return nil }
                decoded.append(contentsOf: String(Character(scalar)).utf8)
                start = index
            case 0..<0x20:
                return nil
            default:
                index += 1
            }
        }
        return nil
    }

    /// A string, or `null` as `.some(nil)`; nil when neither is next.
    @inlinable
    public mutating func nullableString() -> String?? {
        skipSpace()
        if peek == UInt8(ascii: "\"") { return string().map { .some($0) } }
        return consume(word: "null") ? .some(nil) : nil
    }

    /// A non-negative integer of at most 18 digits.
    @inlinable
    public mutating func integer() -> Int64? {
        skipSpace()
        var value: Int64 = 0
        let start = index
        while let byte = peek, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte), index - start < 18 {
            value = value * 10 + Int64(byte - UInt8(ascii: "0"))
            index += 1
        }
        return index > start ? value : nil
    }

    /// A number's text as written, following JSON's grammar `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`; nil (and
    /// nothing read) when no number is next.
    public mutating func numberText() -> String? {
        skipSpace()
        let start = index
        _ = take(UInt8(ascii: "-"))
        if !take(UInt8(ascii: "0")) {
            guard let first = peek, (UInt8(ascii: "1")...UInt8(ascii: "9")).contains(first) else { return rewind(to: start) }
            skipDigits()
        }
        if take(UInt8(ascii: ".")), skipDigits() == 0 { return rewind(to: start) }
        if take(UInt8(ascii: "e")) || take(UInt8(ascii: "E")) {
            _ = take(UInt8(ascii: "+")) || take(UInt8(ascii: "-"))
            if skipDigits() == 0 { return rewind(to: start) }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    @usableFromInline
    mutating func escape() -> Unicode.Scalar? {
        guard let letter = peek else { return nil }
        index += 1
        switch letter {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            guard let unit = hex4() else { return nil }
            guard (0xD800..<0xDC00).contains(unit) else { return Unicode.Scalar(unit) }
            guard take(UInt8(ascii: "\\")), take(UInt8(ascii: "u")), let low = hex4(), (0xDC00..<0xE000).contains(low) else {
                return nil
            }
            return Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
        default: return nil
        }
    }

    @usableFromInline
    mutating func hex4() -> UInt32? {
        guard bytes.count - index >= 4 else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let digit = Character(Unicode.Scalar(bytes[index])).hexDigitValue else { return nil }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    /// Reads `byte` if it is next, whitespace not skipped (inside a token).
    @usableFromInline
    mutating func take(_ byte: UInt8) -> Bool {
        guard peek == byte else { return false }
        index += 1
        return true
    }

    /// Reads the decimal digits next; returns how many.
    @discardableResult
    private mutating func skipDigits() -> Int {
        let start = index
        while let byte = peek, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { index += 1 }
        return index - start
    }

    private mutating func rewind(to start: Int) -> String? {
        index = start
        return nil
    }
}
