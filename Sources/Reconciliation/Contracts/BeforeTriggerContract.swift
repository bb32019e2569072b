import ParityConfig
import ParityModel

/// Builds the contract of a legacy BEFORE trigger that assigns columns: rows as the trigger's table holds them, the
/// other columns (what the trigger read) → the columns it assigned, and the new system's values where they differ.
/// Rows where the new system differs come first.
public struct BeforeTriggerContract: Sendable {
    private let trigger: BeforeTrigger
    private let mapping: TableMapping?
    private let comparer: RowComparer?
    private let sample: Int
    private let mask: VectorMask
    private var rows = 0
    private var rowsDiffering = 0
    private var differing: [ContractVector] = []
    private var agreeing: [ContractVector] = []

    /// Prepares the contract of `trigger` on the table of `mapping` (nil when the table is not mapped: no rows are captured).
    public init(trigger: BeforeTrigger, mapping: TableMapping?, sample: Int) {
        self.trigger = trigger
        self.mapping = mapping
        comparer = mapping.map(RowComparer.init(mapping:))
        self.sample = sample
        mask = VectorMask(mapping: mapping)
    }

    /// Observes one legacy row of the trigger's table and its new counterpart (nil when the new system has none).
    public mutating func observe(legacy: RowImage, new: RowImage?) {
        rows += 1
        guard let mapping else { return }
        let inputs = legacy.keys.filter { !trigger.assigns.contains($0) }.sorted()
        var vector = ContractVector(
            key: mask.image(legacy, columns: mapping.key.legacy), inputs: mask.image(legacy, columns: inputs),
            legacy: mask.image(legacy, columns: trigger.assigns))
        let pairs = trigger.assigns.compactMap { assigned in mapping.column(legacy: assigned) }
        if let new, let comparer {
            let changed = pairs.filter { comparer.kind(ofColumn: $0.legacy, legacy: legacy, new: new) != nil }
            if !changed.isEmpty { vector.new = mask.image(new, columns: changed.map(\.new)) }
        }
        if vector.new != nil {
            rowsDiffering += 1
            if differing.count < sample { differing.append(vector) }
        } else if agreeing.count < sample {
            agreeing.append(vector)
        }
    }

    /// The contract.
    public func contract(id: String) -> Contract {
        var evidence: [String: ContractFact] = [
            "rows": .count(rows), "events": .list(trigger.events), "function_chain": .list(trigger.functions),
            "assigns": .list(trigger.assigns), "rows_new_differs": .count(rowsDiffering),
        ]
        if let condition = trigger.condition { evidence["when"] = .text(SecretMask.masked(condition)) }
        let rowsNote = mapping == nil
            ? "Its table has no mapping, so no rows were captured: map it to get vectors."
            : "Each vector is a stored row: the columns the trigger read → the columns it assigned, and the new system's "
                + "values where they differ (those rows first)."
        let description = "Legacy trigger \(trigger.name) on \(trigger.table) runs before \(trigger.events.joined(separator: " or ")) "
            + "and sets \(trigger.assigns.joined(separator: ", ")) through \(trigger.functions.joined(separator: " → ")). " + rowsNote
        var subject = ["trigger": trigger.name, "table": trigger.table]
        if let mapping { subject["mapping"] = mapping.name }
        return Contract(
            id: id, kind: .beforeTrigger, description: description, subject: subject, evidence: evidence,
            vectors: Array((differing + agreeing).prefix(sample)))
    }
}
