import ExactNumeric
import ParityModel

/// A parsed JSON document compared structurally: object keys in any order, numbers by exact value.
///
/// Read with ``JSONScanner`` rather than `JSONSerialization`, which reads numbers as `Double` (so `0.1` and
/// `0.10000000000000000001` would compare equal) and on Linux cannot tell `true` from `1`.
indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(ExactDecimal)
    /// A string, or below an object's member name: equal byte for byte, as `jsonb` compares them.
    case string(ExactText)
    case array([JSONValue])
    case object([ExactText: JSONValue])

    /// Parses a JSON text (any value at the top level); nil when malformed. A repeated key keeps its last value, as `jsonb` does.
    init?(parsing text: String) {
        guard let value = JSONScanner.scan(text, { scanner in
            Self.value(&scanner).flatMap { value in scanner.atEnd ? value : nil }
        }) else { return nil }
        self = value
    }

    /// The value next in `scanner` (recursive descent); nil when malformed.
    private static func value(_ scanner: inout JSONScanner) -> JSONValue? {
        scanner.skipSpace()
        switch scanner.peek {
        case UInt8(ascii: "{"):
            return object(&scanner)
        case UInt8(ascii: "["):
            return array(&scanner)
        case UInt8(ascii: "\""):
            return scanner.string().map { .string(ExactText($0)) }
        default:
            if scanner.consume(word: "true") { return .bool(true) }
            if scanner.consume(word: "false") { return .bool(false) }
            if scanner.consume(word: "null") { return .null }
            return scanner.numberText().flatMap { ExactDecimal($0) }.map(JSONValue.number)
        }
    }

    private static func object(_ scanner: inout JSONScanner) -> JSONValue? {
        _ = scanner.consume(UInt8(ascii: "{"))
        var members: [ExactText: JSONValue] = [:]
        if scanner.consume(UInt8(ascii: "}")) { return .object(members) }
        repeat {
            guard let key = scanner.string(), scanner.consume(UInt8(ascii: ":")), let member = value(&scanner) else { return nil }
            members[ExactText(key)] = member
        } while scanner.consume(UInt8(ascii: ","))
        return scanner.consume(UInt8(ascii: "}")) ? .object(members) : nil
    }

    private static func array(_ scanner: inout JSONScanner) -> JSONValue? {
        _ = scanner.consume(UInt8(ascii: "["))
        var elements: [JSONValue] = []
        if scanner.consume(UInt8(ascii: "]")) { return .array(elements) }
        repeat {
            guard let element = value(&scanner) else { return nil }
            elements.append(element)
        } while scanner.consume(UInt8(ascii: ","))
        return scanner.consume(UInt8(ascii: "]")) ? .array(elements) : nil
    }
}
