import ParityModel

extension KeyNormalizer {
    static func read(from reader: NodeReader) -> KeyNormalizer? {
        let allNames = simple.map(\.name) + parameterizedNames
        switch reader.node {
        case .scalar:
            guard let text = reader.text() else { return nil }
            if let normalizer = simpleNames[text] { return normalizer }
            if parameterizedNames.contains(text) {
                reader.report("\(reader.shown(text)) needs a value",
                              fix: "write { strip_prefix: \"INV-\" } or { zero_pad: 8 }")
            } else {
                reader.report("\(reader.shown(text)) is not a key normalizer",
                              fix: Suggestion.fix(for: text, among: allNames, listLabel: "write one of"))
            }
            return nil
        case .mapping:
            guard let map = reader.mapping(allowedKeys: parameterizedNames, fix: "write { zero_pad: 8 }") else {
                return nil
            }
            let present = parameterizedNames.filter(map.contains)
            guard present.count == 1 else {
                if present.isEmpty, map.hasUnknownKeys { return nil }
                reader.report(present.isEmpty ? "names no normalizer" : "names \(present.count) normalizers in one item",
                              fix: "write one normalizer per list item, such as { zero_pad: 8 }")
                return nil
            }
            if let prefix = map["strip_prefix"] {
                return prefix.name(fix: "write the prefix to remove, such as \"INV-\"").map(KeyNormalizer.stripPrefix)
            }
            return map["zero_pad"]?.integer(in: 1...1_000).map(KeyNormalizer.zeroPad)
        default:
            reader.wrongKind(expected: "a normalizer name or a one-key mapping",
                             fix: "write trim, upper, lower, strip_leading_zeros, { strip_prefix: \"INV-\" } or { zero_pad: 8 }")
            return nil
        }
    }
}
