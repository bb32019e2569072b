import Foundation
import ParityConfig
import ParityModel
import ParityStore
import Reconciliation

/// The hidden-state part of a cycle close: the legacy inventory taken for it, what changed since the
/// previous snapshot, and the co-write analysis of the cycle's legacy transactions.
struct HiddenStateRun {
    /// What the close records and applies.
    struct Outcome {
        var inventories: [InventorySnapshot] = []
        var changes: [InventoryChange] = []
        var lines: [HiddenStateLine] = []
        /// `hidden_state_unmapped` and `unmapped_writes` findings, reported beside the row findings.
        var findings: [Finding] = []
        /// Trigger attributions of row findings.
        var analysis = CoWriteResult()
    }

    let configuration: ParityConfiguration
    /// The legacy inventory taken for this close, documentation applied; nil when it could not be taken.
    let inventory: Inventory?
    let takenAt: Int64

    /// Runs for one cycle; `window` nil (the baseline) takes the inventory without co-write analysis.
    func run(_ reader: CycleStateReader, window: CycleWindow?, label: String) throws -> Outcome {
        guard let inventory else { return Outcome() }
        var outcome = Outcome()
        outcome.inventories = [inventory.snapshot(takenAt: takenAt)]
        if let previous = try reader.previousInventory(side: .legacy).map(Inventory.init) {
            outcome.changes = Self.changes(InventoryChanges(from: previous, to: inventory))
        }
        guard let window else { return outcome }
        let transactions = try reader.transactionWrites(
            side: .legacy, from: StoreTime.micros(window.start), to: StoreTime.micros(window.end))
        let analysis = CoWriteAnalysis.analyze(CoWriteAnalysis.Input(
            transactions: transactions, triggers: inventory.triggers,
            mappedTables: Set(configuration.tables.map { Self.name($0.legacy) }),
            ignoredTables: Set(configuration.hiddenState.ignoreTables.map(Self.name)),
            documented: configuration.hiddenState.documented))
        outcome.analysis = analysis
        outcome.lines = analysis.maintained.map(Self.line) + analysis.findings.map(Self.line)
        outcome.findings = analysis.findings.map { finding in
            Finding(mapping: HiddenStateFinding.display(finding.table), key: [:], kind: finding.kind,
                    explanation: finding.message, cycle: label)
        }
        return outcome
    }

    /// `schema.table` as the catalog and the change stream spell it.
    static func name(_ table: QualifiedName) -> String {
        "\(table.schema).\(table.name)"
    }

    private static func changes(_ changes: InventoryChanges) -> [InventoryChange] {
        func change(_ item: InventoryItem, _ change: InventoryChange.Change, _ detail: String) -> InventoryChange {
            InventoryChange(side: .legacy, change: change, kind: item.kind, name: item.name, table: item.table, documented: item.documented, detail: detail)
        }
        return changes.added.map { change($0, .added, "") } + changes.removed.map { change($0, .removed, "") }
            + changes.changed.map { change($0.after, .changed, (($0.bodyChanged ? ["body"] : []) + $0.changedDetails).joined(separator: ", ")) }
    }

    private static func line(_ maintained: TriggerMaintainedTable) -> HiddenStateLine {
        HiddenStateLine(
            kind: .triggerMaintained, table: maintained.table, trigger: maintained.trigger, triggerTable: maintained.triggerTable,
            functions: maintained.functions, transactions: maintained.transactionsWritingBoth,
            transactionsSeen: maintained.transactionsTouchingTriggerTable, rows: nil, mapped: maintained.mapped,
            documented: maintained.documented,
            message: "`\(maintained.table)` is maintained by trigger `\(maintained.trigger)` on `\(maintained.triggerTable)` in "
                + "\(maintained.transactionsWritingBoth) of \(maintained.transactionsTouchingTriggerTable) transactions")
    }

    private static func line(_ finding: HiddenStateFinding) -> HiddenStateLine {
        HiddenStateLine(
            kind: finding.kind == .unmappedWrites ? .unmappedWrites : .hiddenStateUnmapped, table: finding.table, trigger: finding.trigger, triggerTable: nil, functions: finding.functions,
            transactions: finding.transactions, transactionsSeen: nil, rows: finding.rows, mapped: false, documented: false,
            message: finding.message)
    }
}
