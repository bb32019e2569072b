import ExactNumeric
import ParityConfig
import ParityModel

/// Builds the rounding contract of one decimal column with a source expression: the rows whose unrounded value is a
/// tie at the column's scale (where rounding modes disagree), spread over positive and negative values and both
/// parities of the kept digit, as inputs → legacy's stored value (and the new one where it differs).
public struct RoundingContract: Sendable {
    /// The tie kinds vectors are spread over, in the order they are taken.
    static let tieKinds = ["positive_even", "positive_odd", "negative_even", "negative_odd"]

    private let mapping: TableMapping
    private let column: ColumnMapping
    private let comparer: RowComparer
    private let sample: Int
    private let mask: VectorMask
    /// The columns the source expression reads: a vector's inputs.
    private let sourceColumns: [String]
    /// Up to `sample` tie vectors per tie kind, in the order the rows were observed.
    private var ties: [String: [ContractVector]] = [:]

    /// Prepares the contract of `column` of `mapping`, keeping at most `sample` vectors.
    public init(mapping: TableMapping, column: ColumnMapping, sample: Int) {
        self.mapping = mapping
        self.column = column
        comparer = RowComparer(mapping: mapping)
        self.sample = sample
        mask = VectorMask(mapping: mapping)
        sourceColumns = ((try? SourceExpression(parsing: column.source ?? "")).map(\.columns) ?? []).sorted()
    }

    /// Observes one legacy row and its new counterpart (nil when the new system has none).
    public mutating func observe(legacy: RowImage, new: RowImage?) {
        guard let stored = (legacy[column.legacy] ?? nil).flatMap({ ExactDecimal($0) }), stored.isFinite,
              let unrounded = comparer.unrounded(column, side: .legacy, image: legacy), unrounded.isFinite else { return }
        let scale = column.scale ?? stored.scale
        guard unrounded.isTie(at: scale) else { return }
        let even = unrounded.rounded(scale: scale, mode: .halfEven) == unrounded.rounded(scale: scale, mode: .down)
        let kind = (unrounded.sign == .minus ? "negative_" : "positive_") + (even ? "even" : "odd")
        guard ties[kind, default: []].count < sample else { return }
        var vector = ContractVector(
            key: mask.image(legacy, columns: mapping.key.legacy), inputs: mask.image(legacy, columns: sourceColumns),
            legacy: [column.legacy: mask.value(column.legacy, stored.description)],
            about: ["unrounded": mask.value(column.legacy, unrounded.description) ?? "", "tie": kind, "scale": String(scale)])
        if let newText = new?[column.new] ?? nil, ExactDecimal(newText).map({ $0 != stored }) ?? true {
            vector.new = [column.new: mask.value(column.new, newText)]
        }
        ties[kind, default: []].append(vector)
    }

    /// The contract, with the evidence of every closed cycle merged per side (`cycles`: how many cycles it came from).
    public func contract(id: String, legacy: RoundingEvidence?, new: RoundingEvidence?, cycles: Int) -> Contract {
        let legacyMode = legacy?.inference() ?? .undetermined(reason: "no rows observed")
        let newMode = new?.inference() ?? .undetermined(reason: "no rows observed")
        var evidence: [String: ContractFact] = [
            "cycles": .count(cycles), "legacy_mode": .text(legacyMode.label), "legacy_mode_evidence": .text(legacyMode.evidence),
            "new_mode": .text(newMode.label), "new_mode_evidence": .text(newMode.evidence),
        ]
        if let legacy {
            evidence["rows"] = .count(legacy.rows)
            evidence["ties"] = .count(legacy.ties)
            evidence["positive_even_ties"] = .count(legacy.positiveEvenTies)
            evidence["positive_odd_ties"] = .count(legacy.positiveOddTies)
            evidence["negative_ties"] = .count(legacy.negativeTies)
        }
        let vectors = Self.spread(ties, limit: sample)
        let scale = column.scale.map { " to \($0) decimal places" } ?? ""
        let description = "\(mapping.name).\(column.legacy) holds \(column.source ?? "its source expression") rounded\(scale). "
            + "Legacy behaves as \(legacyMode.label), the new system as \(newMode.label). Each vector is a tie from the captured "
            + "rows, where rounding modes disagree: the inputs, the unrounded value, legacy's stored value, and the new system's "
            + "where it differs."
        return Contract(
            id: id, kind: .rounding, description: description,
            subject: ["mapping": mapping.name, "column": column.legacy, "new_column": column.new, "source": column.source ?? ""],
            evidence: evidence, vectors: vectors)
    }

    /// Vectors taken in turn from each tie kind, so every kind the data has is covered first, up to `limit`.
    static func spread(_ byKind: [String: [ContractVector]], limit: Int) -> [ContractVector] {
        var taken: [ContractVector] = []
        var index = 0
        while taken.count < limit {
            let round = tieKinds.compactMap { byKind[$0]?.indices.contains(index) == true ? byKind[$0]![index] : nil }
            if round.isEmpty { break }
            taken += round.prefix(limit - taken.count)
            index += 1
        }
        return taken
    }
}
