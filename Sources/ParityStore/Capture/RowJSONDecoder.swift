/// Parses the JSON the store writes for keys and images (`RowJSON.key`, `RowJSON.image`): an array or an
/// object whose values are strings or null, or a stored row image (a layout id, then such values). Reading
/// state is the hot path of a cycle close, so this walks the UTF-8 bytes once instead of going through
/// Foundation's JSON objects.
///
/// Any JSON escape is accepted; anything outside that shape (numbers, nesting, trailing bytes) yields nil.
struct RowJSONDecoder {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// `{"name":"text","other":null}` → name → value; nil when the text is not such an object.
    static func image(_ text: String) -> [String: String?]? {
        var text = text
        return text.withUTF8 { bytes in
            var decoder = RowJSONDecoder(bytes)
            return decoder.object()
        }
    }

    /// `["1017",null]` → values; nil when the text is not such an array.
    static func array(_ text: String) -> [String?]? {
        var text = text
        return text.withUTF8 { bytes in
            var decoder = RowJSONDecoder(bytes)
            return decoder.array()
        }
    }

    /// `[3,"12.50",null]` → layout 3 and its values; nil when the text is not a stored image.
    static func positional(_ text: String) -> (layout: Int64, values: [String?])? {
        var text = text
        return text.withUTF8 { bytes in
            var decoder = RowJSONDecoder(bytes)
            guard decoder.consume(UInt8(ascii: "[")), let layout = decoder.integer() else { return nil }
            var values: [String?] = []
            values.reserveCapacity(8)
            while decoder.consume(UInt8(ascii: ",")) {
                guard let value = decoder.nullableString() else { return nil }
                values.append(value)
            }
            return decoder.consume(UInt8(ascii: "]")) && decoder.atEnd ? (layout, values) : nil
        }
    }

    /// The layout id of a stored image (`positional`) without decoding its values; nil when it has none.
    static func layout(_ text: String) -> Int64? {
        var text = text
        return text.withUTF8 { bytes in
            var decoder = RowJSONDecoder(bytes)
            return decoder.consume(UInt8(ascii: "[")) ? decoder.integer() : nil
        }
    }

    private mutating func object() -> [String: String?]? {
        guard consume(UInt8(ascii: "{")) else { return nil }
        var image: [String: String?] = [:]
        image.reserveCapacity(8)  // most images have a few columns: no rehash while filling
        if consume(UInt8(ascii: "}")) { return atEnd ? image : nil }
        repeat {
            skipSpace()
            guard peek == UInt8(ascii: "\""), let name = string(), consume(UInt8(ascii: ":")), let value = nullableString() else {
                return nil
            }
            image[name] = value
        } while consume(UInt8(ascii: ","))
        return consume(UInt8(ascii: "}")) && atEnd ? image : nil
    }

    private mutating func array() -> [String?]? {
        guard consume(UInt8(ascii: "[")) else { return nil }
        var values: [String?] = []
        if consume(UInt8(ascii: "]")) { return atEnd ? values : nil }
        repeat {
            guard let value = nullableString() else { return nil }
            values.append(value)
        } while consume(UInt8(ascii: ","))
        return consume(UInt8(ascii: "]")) && atEnd ? values : nil
    }

    /// A string or `null` (`.some(nil)`); nil when neither is next.
    private mutating func nullableString() -> String?? {
        skipSpace()
        if peek == UInt8(ascii: "\"") { return string().map { .some($0) } }
        for letter in "null".utf8 {
            guard peek == letter else { return nil }
            index += 1
        }
        return .some(nil)
    }

    /// A quoted string at `index`; plain runs are copied as they are, escapes decoded.
    private mutating func string() -> String? {
        index += 1
        var start = index
        var decoded: [UInt8] = []
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\""):
                let run = UnsafeBufferPointer(rebasing: bytes[start..<index])
                index += 1
                // The text is a Swift String cut at ASCII quotes, so every run is valid UTF-8: decoding
                // never repairs, and unlike `String(validating:)` it is specialized (no generic metadata per value).
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

    /// The escape after a backslash, with `\uD83D\uDE00` surrogate pairs joined.
    private mutating func escape() -> Unicode.Scalar? {
        guard index < bytes.count else { return nil }
        let letter = bytes[index]
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
            guard consume(UInt8(ascii: "\\")), consume(UInt8(ascii: "u")), let low = hex4(), (0xDC00..<0xE000).contains(low) else {
                return nil
            }
            return Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
        default: return nil
        }
    }

    private mutating func hex4() -> UInt32? {
        guard index + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let digit = Character(Unicode.Scalar(bytes[index])).hexDigitValue else { return nil }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    /// A non-negative integer of at most 18 digits.
    private mutating func integer() -> Int64? {
        skipSpace()
        var value: Int64 = 0
        let start = index
        while let byte = peek, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte), index - start < 18 {
            value = value * 10 + Int64(byte - UInt8(ascii: "0"))
            index += 1
        }
        return index > start ? value : nil
    }

    private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    private var atEnd: Bool {
        mutating get {
            skipSpace()
            return index == bytes.count
        }
    }

    private mutating func consume(_ byte: UInt8) -> Bool {
        skipSpace()
        guard peek == byte else { return false }
        index += 1
        return true
    }

    private mutating func skipSpace() {
        while let byte = peek, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
    }
}
