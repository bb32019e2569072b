import ParityModel
import Yams

extension ColumnMapping {
    static let keys = [
        "legacy", "new", "type", "scale", "tolerance", "map", "normalize",
        "legacy_timezone", "new_timezone", "source", "pii",
    ]

    static func read(from reader: NodeReader) -> ColumnMapping? {
        guard let map = reader.mapping(allowedKeys: keys, fix: "write a column as { legacy: status, new: state }") else {
            return nil
        }
        let legacy = map.required("legacy", example: "status")?.name(fix: "write the legacy column name")
        let new = map.required("new", example: "state")?.name(fix: "write the new column name")
        let typeReader = map["type"]
        let type = typeReader.map { $0.choice(ColumnType.self) } ?? .text
        let pii = map["pii"]?.bool() ?? false
        let valueMap = map["map"].flatMap(readValueMap(from:)) ?? [:]
        let normalize = map["normalize"]?.list(fix: "write normalize: [trim, null_equals_empty]") {
            $0.choice(ColumnNormalizer.self)
        } ?? []
        var column = ColumnMapping(legacy: legacy ?? "", new: new ?? "", map: valueMap, normalize: normalize, pii: pii)
        if let type {
            column.type = type
            column.readTypeDependentKeys(from: map)
        }
        guard legacy != nil, new != nil else { return nil }
        return column
    }

    /// Reads `scale`, `tolerance`, the time zones and `source`, which each apply only to some types.
    private mutating func readTypeDependentKeys(from map: MappingReader) {
        if let scaleReader = map["scale"] {
            if type == .decimal {
                scale = scaleReader.integer(in: 0...1_000)
            } else {
                scaleReader.reportNotApplicable(to: type, fix: "remove scale or write type: decimal")
            }
        }
        if let toleranceReader = map["tolerance"] {
            if type.hasNumericTolerance {
                tolerance = toleranceReader.numericTolerance()
            } else if type.hasDurationTolerance {
                tolerance = toleranceReader.duration().map(ColumnTolerance.duration)
            } else {
                toleranceReader.reportNotApplicable(
                    to: type, fix: "remove tolerance (it applies to integer, decimal, date, timestamp and timestamptz columns)"
                )
            }
        }
        for (key, side) in [("legacy_timezone", SourceSide.legacy), ("new_timezone", .new)] {
            guard let zoneReader = map[key] else { continue }
            guard type.isTimestamp else {
                zoneReader.reportNotApplicable(to: type, fix: "remove \(key) or write type: timestamp")
                continue
            }
            let zone = zoneReader.timeZone()
            if side == .legacy { legacyTimezone = zone } else { newTimezone = zone }
        }
        if let sourceReader = map["source"] {
            if type == .decimal {
                source = sourceReader.name(fix: "write the unrounded expression, such as \"qty * unit_price\"")
            } else {
                sourceReader.reportNotApplicable(to: type, fix: "remove source or write type: decimal")
            }
        }
    }

    /// Reads `map: { O: open }`; keys are taken as written text, so `1:` and `O:` both work, and two keys that differ
    /// only by Unicode normalization are two codes.
    private static func readValueMap(from reader: NodeReader) -> [ExactText: String]? {
        guard case .mapping(let mapping) = reader.node else {
            reader.wrongKind(expected: "a mapping of legacy values to new values", fix: "write map: { O: open, P: paid }")
            return nil
        }
        var values: [ExactText: String] = [:]
        for (keyNode, valueNode) in mapping {
            guard case .scalar(let key) = keyNode else {
                reader.report("has a key that is not a single value", fix: "write legacy values as plain keys", at: keyNode.mark)
                continue
            }
            let valueReader = NodeReader(node: valueNode, path: reader.path.appending(key.string), context: reader.context)
            let code = ExactText(key.string)
            guard values[code] == nil else {
                valueReader.report("legacy value \(valueReader.shown(key.string)) is mapped twice",
                                   fix: "map each legacy value once", at: keyNode.mark)
                continue
            }
            if let value = valueReader.text() { values[code] = value }
        }
        return values
    }
}

extension NodeReader {
    fileprivate func reportNotApplicable(to type: ColumnType, fix: String) {
        let article = type.rawValue.first.map { "aeiou".contains($0) } == true ? "an" : "a"
        report("does not apply to \(article) \(type.rawValue) column", fix: fix)
    }
}
