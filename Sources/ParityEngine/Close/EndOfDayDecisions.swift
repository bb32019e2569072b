import ParityConfig
import ParityModel
import ParityStore
import Reconciliation

/// The end-of-day report's decisions section: every category of the cycle's findings and open differences and every
/// stored decision, judged on the cycle's business day, a stored `match` decision's recurrence as of the cycle's end.
enum EndOfDayDecisions {
    static func verdicts(
        _ configuration: ParityConfiguration, store: any Store, report: EndOfDayReport, cycle: CycleRecord
    ) throws -> [CategoryVerdict] {
        let book = try DecisionBook.load(configuration, store: store)
        let seen = report.categories.map { ($0.table, $0.column, $0.kind) }
            + (report.openDifferences?.categories.filter { $0.open > 0 }.map { ($0.table, $0.column, $0.kind) } ?? [])
        let categories = seen.compactMap { table, column, kind in
            kind == .withinTolerance ? nil : DispositionCategory(table: table, column: column, kind: kind)
        } + book.decisions.map(\.category)
        return try DecisionBook.verdicts(
            categories, book: book, on: DecisionBook.day(configuration, at: StoreTime.date(cycle.start)), store: store, through: cycle.id)
    }
}
