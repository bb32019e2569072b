import Yams

/// A YAML mapping whose keys were checked against the allowed set; values are looked up by key.
struct MappingReader {
    let reader: NodeReader
    /// Whether keys outside the allowed set were found (and reported).
    let hasUnknownKeys: Bool
    private let values: [String: Node]

    init?(reading reader: NodeReader, allowedKeys: [String], fix: String) {
        guard case .mapping(let mapping) = reader.node else {
            reader.wrongKind(expected: "a mapping of keys to values", fix: fix)
            return nil
        }
        self.reader = reader
        var values: [String: Node] = [:]
        var hasUnknownKeys = false
        for (keyNode, value) in Self.pairsWithMerges(of: mapping, reader: reader) {
            guard case .scalar(let key) = keyNode else {
                reader.report("has a key that is not a plain name", fix: "use only plain keys", at: keyNode.mark)
                continue
            }
            guard allowedKeys.contains(key.string) else {
                hasUnknownKeys = true
                reader.context.report(
                    "unknown key '\(key.string)'",
                    fix: Suggestion.fix(for: key.string, among: allowedKeys, listLabel: "allowed keys"),
                    path: reader.path.appending(key.string), mark: keyNode.mark
                )
                continue
            }
            values[key.string] = value
        }
        self.values = values
        self.hasUnknownKeys = hasUnknownKeys
    }

    /// The mapping's own pairs, then pairs merged in with `<<: *anchor` that it does not override.
    private static func pairsWithMerges(of mapping: Node.Mapping, reader: NodeReader) -> [(Node, Node)] {
        var own: [(Node, Node)] = []
        var merged: [(Node, Node)] = []
        for (keyNode, value) in mapping {
            guard keyNode.scalar?.string == "<<", keyNode.scalar?.style == .plain else {
                own.append((keyNode, value))
                continue
            }
            let sources = value.sequence.map(Array.init) ?? [value]
            for source in sources {
                guard case .mapping(let sourceMapping) = source else {
                    reader.report("has a '<<' merge of something other than a mapping",
                                  fix: "merge a mapping anchor, as in <<: *defaults", at: source.mark)
                    continue
                }
                merged += sourceMapping.map { ($0.key, $0.value) }
            }
        }
        var seen = Set(own.compactMap { $0.0.scalar?.string })
        return own + merged.filter { pair in
            guard let key = pair.0.scalar?.string else { return true }
            return seen.insert(key).inserted
        }
    }

    /// The value at `key`, or nil when absent or null.
    subscript(key: String) -> NodeReader? {
        guard let node = values[key] else { return nil }
        let value = NodeReader(node: node, path: reader.path.appending(key), context: reader.context)
        return value.isNull ? nil : value
    }

    /// Whether `key` is present with a non-null value.
    func contains(_ key: String) -> Bool {
        self[key] != nil
    }

    /// The value at `key`, reporting it as missing (with `example` as what to write) when absent or null.
    func required(_ key: String, example: String) -> NodeReader? {
        if let value = self[key] { return value }
        let mark = values[key]?.mark ?? reader.mark
        reader.context.report(
            "required key '\(key)' is missing", fix: "add \(key): \(example)",
            path: reader.path.appending(key), mark: mark
        )
        return nil
    }
}
