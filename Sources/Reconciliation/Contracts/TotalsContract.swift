import ExactNumeric
import ParityConfig
import ParityModel

/// Builds the totals contract of a header mapping with `line_items`: a header's lines (each stored amount and its
/// unrounded source value) → legacy's stored total, and the new system's total where it differs. Headers where the
/// new system differs come first.
public struct TotalsContract: Sendable {
    private let header: TableMapping
    private let lines: TableMapping
    private let amount: ColumnMapping
    private let total: ColumnMapping
    private let lineComparer: RowComparer
    private let sample: Int
    private let mask: VectorMask
    private var headers = 0
    private var differing: [ContractVector] = []
    private var agreeing: [ContractVector] = []

    /// Prepares the contract of `header`'s `total` over the `amount` of its `lines`, keeping at most `sample` vectors.
    public init(header: TableMapping, lines: TableMapping, amount: ColumnMapping, total: ColumnMapping, sample: Int) {
        self.header = header
        self.lines = lines
        self.amount = amount
        self.total = total
        lineComparer = RowComparer(mapping: lines)
        self.sample = sample
        mask = VectorMask(mapping: header)
    }

    /// Observes one legacy header, its new counterpart (nil when the new system has none) and its legacy lines, in key order.
    public mutating func observe(legacy: RowImage, new: RowImage?, lines lineImages: [RowImage]) {
        guard let stored = (legacy[total.legacy] ?? nil).flatMap({ ExactDecimal($0) }), !lineImages.isEmpty else { return }
        headers += 1
        guard differing.count < sample || agreeing.count < sample else { return }
        let lineMask = VectorMask(mapping: lines)
        var inputs: [String: String?] = [:]
        var sum = ExactDecimal.zero
        var unroundedSum: ExactDecimal? = .zero
        for (index, line) in lineImages.enumerated() {
            let storedAmount = line[amount.legacy] ?? nil
            let unrounded = lineComparer.unrounded(amount, side: .legacy, image: line)
            inputs.updateValue(lineMask.value(amount.legacy, storedAmount), forKey: "line_\(index + 1).\(amount.legacy)")
            inputs.updateValue(lineMask.value(amount.legacy, unrounded?.description), forKey: "line_\(index + 1).unrounded")
            sum = sum + (storedAmount.flatMap { ExactDecimal($0) } ?? .zero)
            unroundedSum = unrounded.flatMap { value in unroundedSum.map { $0 + value } }
        }
        var about = ["lines": String(lineImages.count), "sum_of_amounts": sum.description]
        if let unroundedSum { about["sum_of_unrounded"] = unroundedSum.description }
        var vector = ContractVector(
            key: mask.image(legacy, columns: header.key.legacy), inputs: inputs, legacy: [total.legacy: mask.value(total.legacy, stored.description)],
            about: about)
        if let newText = new?[total.new] ?? nil, ExactDecimal(newText).map({ $0 != stored }) ?? true {
            vector.new = [total.new: mask.value(total.new, newText)]
            if differing.count < sample { differing.append(vector) }
        } else if agreeing.count < sample {
            agreeing.append(vector)
        }
    }

    /// The contract; `legacyRule` and `newRule` say how each side's totals relate to their lines over the closed cycles.
    public func contract(id: String, legacyRule: String, newRule: String) -> Contract {
        let description = "\(header.name).\(total.legacy) is the total of the \(lines.name) lines' \(amount.legacy). Legacy's totals "
            + "behave as \(legacyRule), the new system's as \(newRule). Each vector is a header's lines (stored and unrounded "
            + "amounts) → legacy's stored total, and the new system's where it differs (those headers first)."
        return Contract(
            id: id, kind: .totals, description: description,
            subject: ["mapping": header.name, "column": total.legacy, "new_column": total.new, "lines": lines.name, "amount": amount.legacy],
            evidence: ["headers": .count(headers), "legacy_rule": .text(legacyRule), "new_rule": .text(newRule)],
            vectors: Array((differing + agreeing).prefix(sample)))
    }
}
