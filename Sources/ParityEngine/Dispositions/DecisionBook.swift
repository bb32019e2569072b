import Foundation
import ParityConfig
import ParityModel
import ParityStore
import Reconciliation

/// The dispositions in force from the config and the store, and each category's standing as the reports show it.
enum DecisionBook {
    /// The config's `dispositions[]` rules and the store's current decisions.
    static func load(_ configuration: ParityConfiguration, store: any Store) throws -> DispositionBook {
        DispositionBook(rules: configuration.dispositions, decisions: try store.currentDecisions().compactMap(decision))
    }

    /// A stored `set` as a decision; nil for a `clear`.
    static func decision(_ record: DecisionRecord) -> DispositionDecision? {
        guard record.action == "set", let disposition = record.disposition else { return nil }
        return DispositionDecision(
            id: record.id, category: DispositionCategory(table: record.table, column: record.column, kind: record.kind), disposition: disposition,
            owner: record.owner ?? "", note: record.note ?? "", expires: record.expires, ticket: record.ticket, decidedBy: record.decidedBy,
            decidedAt: StoreTime.date(record.decidedAt), afterCycle: record.afterCycle)
    }

    /// The business day (`YYYY-MM-DD`) of `instant` in the cycle's time zone: what an expiry date is compared with.
    static func day(_ configuration: ParityConfiguration, at instant: Date) -> String {
        CycleCalendar(configuration.cycle)?.businessDay(containing: instant) ?? StoreTime.iso(instant).prefix(10).description
    }

    /// Each of `categories`' standing on business day `day`, with a stored `match` decision's recurrence as of the end
    /// of cycle `cycle` (all closed cycles when nil); by category.
    static func verdicts(
        _ categories: [DispositionCategory], book: DispositionBook, on day: String, store: any Store, through cycle: Int64? = nil
    ) throws -> [CategoryVerdict] {
        try Swift.Set(categories).sorted().map { category in
            var verdict = book.verdict(for: category, on: day)
            if verdict.source == .store, let decision = verdict.decision, decision.disposition == .match {
                let history = try store.categoryOpenHistory(
                    mapping: category.table, column: category.column, kind: category.kind, from: decision.afterCycle)
                let known = cycle.map { last in history.filter { entry in entry.cycle <= last } } ?? history
                verdict.reopened = Reopening.of(decision, openByCycle: known)
            }
            return verdict
        }
    }
}
