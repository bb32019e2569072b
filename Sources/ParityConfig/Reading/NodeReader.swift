import Foundation
import ParityModel
import Yams

/// A YAML node at a known key path; typed accessors report problems to the context and return nil.
struct NodeReader {
    let node: Node
    let path: ConfigKeyPath
    let context: ReadContext

    var mark: Mark? { node.mark }

    func report(_ problem: String, fix: String, at mark: Mark? = nil) {
        context.report(problem, fix: fix, path: path, mark: mark ?? node.mark)
    }

    /// A value as quoted in messages; secret keys are never quoted.
    func shown(_ value: String) -> String {
        guard !path.isSecret else { return "the value" }
        let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\"\(escaped)\""
    }

    /// A plain `~`, `null` or empty value.
    var isNull: Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    private var kindDescription: String {
        switch node {
        case .scalar(let scalar): isNull ? "an empty value" : shown(scalar.string)
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    func wrongKind(expected: String, fix: String) {
        report("expected \(expected), found \(kindDescription)", fix: fix)
    }

    // MARK: Containers

    /// This node as a mapping whose keys must be among `allowedKeys`; unknown keys are reported.
    func mapping(allowedKeys: [String], fix: String) -> MappingReader? {
        MappingReader(reading: self, allowedKeys: allowedKeys, fix: fix)
    }

    /// The elements of this list.
    func list(fix: String) -> [NodeReader]? {
        guard case .sequence(let sequence) = node else {
            wrongKind(expected: "a list", fix: fix)
            return nil
        }
        return sequence.enumerated().map { index, element in
            NodeReader(node: element, path: path.appending(index: index), context: context)
        }
    }

    /// Every element read with `element`; nil when the list or any element is invalid.
    func list<Element>(fix: String, _ element: (NodeReader) -> Element?) -> [Element]? {
        guard let items = list(fix: fix) else { return nil }
        let values = items.map(element)
        let read = values.compactMap { $0 }
        return read.count == values.count ? read : nil
    }

    /// A list of non-empty names (columns, schemas, clients), each element reported on its own.
    func nameList(example: String) -> [String]? {
        list(fix: "write a list such as \(example)") { $0.name() }
    }

    /// The value at `key` of this mapping, unchecked; for pointing cross-field messages at a node.
    func child(_ key: String) -> NodeReader? {
        guard case .mapping(let mapping) = node, let value = mapping[key] else { return nil }
        return NodeReader(node: value, path: path.appending(key), context: context)
    }

    /// The element at `index` of this list, unchecked; for pointing cross-field messages at a node.
    func element(_ index: Int) -> NodeReader? {
        guard case .sequence(let sequence) = node, sequence.indices.contains(index) else { return nil }
        return NodeReader(node: sequence[index], path: path.appending(index: index), context: context)
    }

    // MARK: Scalars

    /// The scalar text with `${VAR}` references expanded.
    func text() -> String? {
        guard case .scalar(let scalar) = node else {
            wrongKind(expected: "a single value", fix: "write a plain or quoted value")
            return nil
        }
        switch EnvironmentSubstitution.expand(scalar.string, environment: context.environment) {
        case .success(let value):
            return value
        case .failure(.unset(let name)):
            report("environment variable \(name) is not set", fix: "export it or write the value")
        case .failure(.malformed):
            report("has a malformed ${…} reference", fix: "write ${NAME} or ${NAME:-default}, or $${ for a literal ${")
        }
        return nil
    }

    /// Text that is not empty or blank.
    func name(fix: String = "write a name") -> String? {
        guard let value = text() else { return nil }
        guard !value.trimmingCharacters(in: .whitespaces).isEmpty else {
            report("is empty", fix: fix)
            return nil
        }
        return value
    }

    /// Text that matches `allowed`, described as `rule` in the message.
    func identifier(rule: String, maxLength: Int = .max, _ allowed: (Character) -> Bool) -> String? {
        guard let value = text() else { return nil }
        guard !value.isEmpty, value.count <= maxLength, value.allSatisfy(allowed) else {
            report("\(shown(value)) is not a valid name", fix: "use \(rule)")
            return nil
        }
        return value
    }

    /// A replication slot or publication name: `[a-z0-9_]{1,63}`.
    func slotName() -> String? {
        identifier(rule: "1 to 63 characters among a-z, 0-9 and _", maxLength: 63) {
            $0 == "_" || ("a"..."z").contains($0) || ("0"..."9").contains($0)
        }
    }

    func integer(in range: ClosedRange<Int>) -> Int? {
        guard let value = text() else { return nil }
        guard let number = Int(value) else {
            report("\(shown(value)) is not a whole number", fix: "write a whole number such as \(range.lowerBound)")
            return nil
        }
        guard range.contains(number) else {
            let bounds = range.upperBound == .max
                ? "at least \(range.lowerBound)"
                : "between \(range.lowerBound) and \(range.upperBound)"
            report("\(number) is out of range", fix: "write a whole number \(bounds)")
            return nil
        }
        return number
    }

    func bool() -> Bool? {
        guard let value = text() else { return nil }
        switch value.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            report("\(shown(value)) is not a boolean", fix: "write true or false")
            return nil
        }
    }

    func duration(minimum: Duration = .zero, maximum: Duration = Self.longestDuration) -> Duration? {
        guard let value = text() else { return nil }
        guard let duration = Duration(parityText: value) else {
            report("\(shown(value)) is not a duration",
                   fix: "write a number with a unit (ms, s, m, h, d) such as \"90s\", \"5m\" or \"1h30m\"")
            return nil
        }
        guard duration >= minimum else {
            report("\(value) is shorter than the minimum \(minimum.parityText)",
                   fix: "write at least \"\(minimum.parityText)\"")
            return nil
        }
        guard duration <= maximum else {
            report("\(value) is longer than the maximum \(maximum.parityText)",
                   fix: "write at most \"\(maximum.parityText)\"")
            return nil
        }
        return duration
    }

    /// The longest duration any setting takes: ten years (366-day ones) is past every period, age or timeout that means
    /// something, and far inside what dates and timers can count.
    static let longestDuration = Duration.seconds(3660 * 86_400)

    /// A decimal string (`-?[0-9]+(.[0-9]+)?`), kept as text, optionally bounded.
    func decimal(in range: ClosedRange<Decimal>? = nil) -> String? {
        guard let value = text() else { return nil }
        guard value.range(of: #"^-?[0-9]+(\.[0-9]+)?$"#, options: .regularExpression) != nil,
              let number = Decimal(string: value, locale: Locale(identifier: "en_US_POSIX")) else {
            report("\(shown(value)) is not a decimal", fix: "write a decimal string such as \"0.01\"")
            return nil
        }
        if let range, !range.contains(number) {
            let bounds = range.upperBound == .greatestFiniteMagnitude
                ? "of at least \(range.lowerBound)"
                : "between \(range.lowerBound) and \(range.upperBound)"
            report("\(shown(value)) is out of range", fix: "write a decimal string \(bounds)")
            return nil
        }
        return value
    }

    /// A non-negative decimal string.
    func nonNegativeDecimal() -> String? {
        decimal(in: 0...Decimal.greatestFiniteMagnitude)
    }

    /// A numeric column tolerance: a non-negative decimal string (`"0.01"`) or a percentage of at most 100 (`"0.5%"`).
    func numericTolerance() -> ColumnTolerance? {
        guard let value = text() else { return nil }
        guard value.hasSuffix("%") else { return nonNegativeDecimal().map(ColumnTolerance.amount) }
        let number = String(value.dropLast())
        guard number.range(of: #"^[0-9]+(\.[0-9]+)?$"#, options: .regularExpression) != nil,
              let percent = Decimal(string: number, locale: Locale(identifier: "en_US_POSIX")), percent <= 100 else {
            report("\(shown(value)) is not a relative tolerance",
                   fix: "write a percentage between 0% and 100% such as \"0.5%\", or an absolute amount such as \"0.01\"")
            return nil
        }
        return .percent(number)
    }

    func choice<Choice: ConfigChoice>(_ type: Choice.Type) -> Choice? {
        guard let value = text() else { return nil }
        guard let choice = Choice(rawValue: value) else {
            let names = Choice.allCases.map(\.rawValue)
            report("\(shown(value)) is not a \(Choice.noun)",
                   fix: Suggestion.fix(for: value, among: names, listLabel: "write one of"))
            return nil
        }
        return choice
    }

    func qualifiedName() -> QualifiedName? {
        guard let value = text() else { return nil }
        do throws(QualifiedName.ParseError) {
            return try QualifiedName(parsing: value)
        } catch {
            report("\(shown(value)) is not a table name: it \(error.reason)",
                   fix: "write schema.table, double-quoting mixed-case names as in \"Sales\".\"Order Lines\"")
            return nil
        }
    }

    /// An IANA time zone identifier known to the system.
    func timeZone() -> String? {
        guard let value = text() else { return nil }
        guard TimeZone(identifier: value) != nil else {
            report("\(shown(value)) is not a known time zone", fix: "write an IANA zone such as \"America/Vancouver\" or \"UTC\"")
            return nil
        }
        // `EST`, `CST6CDT`, `PST8PDT`: abbreviations and POSIX-style names are ambiguous (EST is also Australian) or fixed
        // offsets without daylight saving; a business day needs a region.
        guard value.contains("/") || value == "UTC" || value == "GMT" else {
            report("\(shown(value)) is an abbreviation, not a region: it is ambiguous or ignores daylight saving",
                   fix: "write a region such as \"America/New_York\", or \"UTC\"")
            return nil
        }
        return value
    }

    /// A regular expression that compiles.
    func regularExpression() -> String? {
        guard let value = text() else { return nil }
        do {
            _ = try NSRegularExpression(pattern: value)
        } catch {
            report("\(shown(value)) is not a valid regular expression", fix: "fix the pattern (ICU syntax, as NSRegularExpression)")
            return nil
        }
        return value
    }
}
