import ParityConfig
import ParityModel

/// Builds the value-map contract of one column with a `map`: every mapped code with how often legacy rows hold it, and
/// the values the new system holds for those rows where they differ from the map.
public struct ValueMapContract: Sendable {
    private let mapping: TableMapping
    private let column: ColumnMapping
    private let mask: VectorMask
    /// Legacy rows per legacy code (codes told apart byte for byte, as the value map applies to them).
    private var occurrences: [ExactText: Int] = [:]
    /// Per legacy code, the new system's values on the paired rows and how often each occurred.
    private var newValues: [ExactText: [ExactText: Int]] = [:]

    /// Prepares the contract of `column` of `mapping`.
    public init(mapping: TableMapping, column: ColumnMapping) {
        self.mapping = mapping
        self.column = column
        mask = VectorMask(mapping: mapping)
    }

    /// Observes one legacy row and its new counterpart (nil when the new system has none).
    public mutating func observe(legacy: RowImage, new: RowImage?) {
        guard let code = (legacy[column.legacy] ?? nil).map({ ExactText($0) }) else { return }
        occurrences[code, default: 0] += 1
        if let value = new?[column.new] ?? nil { newValues[code, default: [:]][ExactText(value), default: 0] += 1 }
    }

    /// The contract: one vector per mapped code, in code order; codes the data holds that the map lacks are evidence.
    public func contract(id: String) -> Contract {
        let vectors = column.map.keys.sorted().map { code in
            let mapped = column.map[code]
            var vector = ContractVector(
                inputs: [column.legacy: mask.value(column.legacy, code.rawValue)], legacy: [column.new: mask.value(column.new, mapped)],
                about: ["occurrences": String(occurrences[code] ?? 0)])
            let observed = newValues[code] ?? [:]
            if !observed.isEmpty {
                vector.about["new_values"] = observed.keys.sorted().map { "\(mask.value(column.new, $0.rawValue) ?? "")=\(observed[$0]!)" }
                    .joined(separator: ", ")
            }
            // The new system's most frequent value for the code, when it is not the mapped one.
            if let common = observed.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }), common.key != mapped.map({ ExactText($0) }) {
                vector.new = [column.new: mask.value(column.new, common.key.rawValue)]
            }
            return vector
        }
        let unmapped = occurrences.keys.filter { column.map[$0] == nil }.sorted()
        let description = "\(mapping.name).\(column.legacy) holds codes that translate through a value map into \(column.new) in the new system. "
            + "Each vector is a mapped code → its new value, with how often legacy rows hold it, and the new system's "
            + "value where it differs from the map."
        return Contract(
            id: id, kind: .valueMap, description: description,
            subject: ["mapping": mapping.name, "column": column.legacy, "new_column": column.new],
            evidence: [
                "rows": .count(occurrences.values.reduce(0, +)), "codes": .count(column.map.count),
                "unmapped_codes": .list(unmapped.map { mask.value(column.legacy, $0.rawValue) ?? "" }),
            ],
            vectors: vectors)
    }
}
