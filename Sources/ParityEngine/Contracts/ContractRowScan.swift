import ParityConfig
import ParityModel
import ParityStore
import Reconciliation

/// Reads the state as of the last closed cycle once per mapping that row-based contracts need (rounding, totals,
/// value maps, BEFORE triggers), pairing each legacy row with its new counterpart, and builds those contracts.
struct ContractRowScan {
    /// A row-based contract being built.
    private enum Builder {
        case rounding(RoundingContract, mapping: String, column: String)
        case totals(TotalsContract, header: String, items: LineItems, lines: [ExactText: [RowImage]])
        case valueMap(ValueMapContract)
        case beforeTrigger(BeforeTriggerContract)

        mutating func observe(legacy: RowImage, legacyKey: String, new: RowImage?) {
            switch self {
            case .rounding(var contract, let mapping, let column):
                contract.observe(legacy: legacy, new: new)
                self = .rounding(contract, mapping: mapping, column: column)
            case .totals(var contract, let header, let items, let lines):
                contract.observe(legacy: legacy, new: new, lines: lines[ExactText(legacyKey)] ?? [])
                self = .totals(contract, header: header, items: items, lines: lines)
            case .valueMap(var contract):
                contract.observe(legacy: legacy, new: new)
                self = .valueMap(contract)
            case .beforeTrigger(var contract):
                contract.observe(legacy: legacy, new: new)
                self = .beforeTrigger(contract)
            }
        }
    }

    let sample: Int
    let history: RoundingHistory

    /// The contracts of the row-based `subjects`, keyed by id.
    func contracts(_ subjects: [ContractSubject], store: any Store) throws -> [String: Contract] {
        try store.withClosedState { reader in
            var builders: [String: [(id: String, builder: Builder)]] = [:]
            for subject in subjects {
                guard let made = try self.builder(for: subject, reader) else { continue }
                builders[made.mapping.name, default: []].append((subject.id, made.builder))
            }
            var contracts: [String: Contract] = [:]
            for subject in subjects {
                guard let mapping = Self.mapping(of: subject), var pending = builders.removeValue(forKey: mapping.name) else { continue }
                var rows = try PairedRows(reader, mapping: mapping, changedOnly: false)
                while let pair = try rows.next() {
                    guard let legacy = pair.legacy, let image = try legacy.image else { continue }
                    let new = try pair.new?.image
                    for index in pending.indices { pending[index].builder.observe(legacy: image, legacyKey: legacy.row.key, new: new) }
                }
                for (id, builder) in pending { contracts[id] = self.contract(id: id, builder) }
            }
            return contracts
        }
    }

    /// The mapping whose rows a row-based subject reads; nil for the others (and a BEFORE trigger on an unmapped table).
    private static func mapping(of subject: ContractSubject) -> TableMapping? {
        switch subject {
        case .rounding(let mapping, _), .valueMap(let mapping, _): mapping
        case .totals(let header, _, _, _): header
        case .beforeTrigger(_, let mapping): mapping
        case .maintainedTable, .decisions: nil
        }
    }

    private func builder(for subject: ContractSubject, _ reader: CycleStateReader) throws -> (mapping: TableMapping, builder: Builder)? {
        guard let mapping = Self.mapping(of: subject) else { return nil }
        switch subject {
        case .rounding(_, let column):
            return (mapping, .rounding(RoundingContract(mapping: mapping, column: column, sample: sample), mapping: mapping.name, column: column.legacy))
        case .totals(let header, let lines, let amount, let total):
            guard let items = header.lineItems else { return nil }
            var byHeader: [ExactText: [RowImage]] = [:]
            try reader.forEachImage(side: .legacy, mapping: lines.name) { _, image in
                byHeader[ExactText(RowJSON.key(items.key.map { image[$0] ?? nil })), default: []].append(image)
            }
            let contract = TotalsContract(header: header, lines: lines, amount: amount, total: total, sample: sample)
            return (mapping, .totals(contract, header: header.name, items: items, lines: byHeader))
        case .valueMap(_, let column):
            return (mapping, .valueMap(ValueMapContract(mapping: mapping, column: column)))
        case .beforeTrigger(let trigger, _):
            return (mapping, .beforeTrigger(BeforeTriggerContract(trigger: trigger, mapping: mapping, sample: sample)))
        case .maintainedTable, .decisions:
            return nil
        }
    }

    private func contract(id: String, _ builder: Builder) -> Contract {
        switch builder {
        case .rounding(let contract, let mapping, let column):
            let evidence = { (side: SourceSide) in
                history.observations.evidence[RoundingObservations.Subject(mapping: mapping, column: column, side: side)]
            }
            return contract.contract(id: id, legacy: evidence(.legacy), new: evidence(.new), cycles: history.cycles[[mapping, column]] ?? 0)
        case .totals(let contract, let header, let items, _):
            let rule = { (side: SourceSide) -> String in
                guard let verdict = history.totals[[header, TotalRoundingSubject.column(items), side.rawValue]]?.verdict
                else { return "undetermined (no totals observed)" }
                return "\(verdict.rounding.rawValue) (\(verdict.evidence))"
            }
            return contract.contract(id: id, legacyRule: rule(.legacy), newRule: rule(.new))
        case .valueMap(let contract):
            return contract.contract(id: id)
        case .beforeTrigger(let contract):
            return contract.contract(id: id)
        }
    }
}
