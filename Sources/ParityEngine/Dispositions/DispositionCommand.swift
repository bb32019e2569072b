import Foundation
import ParityConfig
import ParityModel
import ParityStore
import Reconciliation
import SourceQueries

/// `parity disposition list|set|clear|history`: decisions on finding categories, kept in the store as an append-only
/// audit trail beside the config's `dispositions[]` rules (which win where both decide).
public enum DispositionCommand {
    /// Every category the ledger holds or a decision names, with its open and total differences and its decision on
    /// `now`'s business day.
    public static func list(_ configuration: ParityConfiguration, store: any Store, now: Date = Date()) throws(EngineError) -> DispositionListing {
        try storeCall(doing: "reading the decisions") {
            let book = try DecisionBook.load(configuration, store: store)
            let day = DecisionBook.day(configuration, at: now)
            var counts: [DispositionCategory: (open: Int, total: Int)] = [:]
            for count in try store.differenceCategoryCounts() {
                counts[DispositionCategory(table: count.mapping, column: count.column, kind: count.kind)] = (count.open, count.total)
            }
            let verdicts = try DecisionBook.verdicts(Array(counts.keys) + book.decisions.map(\.category), book: book, on: day, store: store)
            return DispositionListing(day: day, lines: verdicts.map { verdict in
                let count = counts[verdict.category]
                return DispositionListing.Line(verdict: verdict, open: count?.open ?? 0, total: count?.total ?? 0)
            })
        }
    }

    /// Records `disposition` for the category written as `text` (`orders.status value_mismatch`).
    public static func set(
        _ configuration: ParityConfiguration, store: any Store, category text: String, disposition: Disposition, owner: String,
        note: String, expires: String? = nil, ticket: String? = nil, by: String = GateHistory.whoAmI(), now: Date = Date()
    ) throws(EngineError) -> DecisionOutcome {
        let category = try category(text, configuration)
        for (option, value) in [("--owner", owner), ("--note", note), ("--by", by)]
        where value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw usage("\(option) is empty", fix: "say who owns the decision and why: --owner finance --note \"rounds half-up per FIN-12\"")
        }
        if let expires, !isDay(expires) {
            throw usage("--expires \(expires) is not a date", fix: "give --expires as YYYY-MM-DD, e.g. 2026-12-31")
        }
        return try record(
            DecisionRecord(
                table: category.table, column: category.column, kind: category.kind, action: "set", disposition: disposition,
                owner: owner, note: note, expires: expires, ticket: ticket, decidedBy: by, decidedAt: StoreTime.micros(now)),
            configuration, store: store, now: now)
    }

    /// Withdraws the stored decision of the category written as `text`.
    public static func clear(
        _ configuration: ParityConfiguration, store: any Store, category text: String, by: String = GateHistory.whoAmI(), now: Date = Date()
    ) throws(EngineError) -> DecisionOutcome {
        let category = try category(text, configuration)
        let current = try storeCall(doing: "reading the decisions") { try DecisionBook.load(configuration, store: store) }
        guard current.decisions.contains(where: { $0.category == category }) else {
            throw usage("\(category) has no stored decision to clear", fix: "parity disposition list shows each category's decision and where it comes from")
        }
        return try record(
            DecisionRecord(
                table: category.table, column: category.column, kind: category.kind, action: "clear", decidedBy: by,
                decidedAt: StoreTime.micros(now)),
            configuration, store: store, now: now)
    }

    /// The audit trail, oldest first: every decision, or those of the category written as `text`.
    public static func history(
        _ configuration: ParityConfiguration, store: any Store, category text: String? = nil
    ) throws(EngineError) -> [DecisionHistoryEntry] {
        let category = try text.map { text throws(EngineError) in try self.category(text, configuration) }
        return try storeCall(doing: "reading the decisions") {
            let all = try store.decisionHistory()
            let byID = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            return all.compactMap { record in
                let recordCategory = DispositionCategory(table: record.table, column: record.column, kind: record.kind)
                guard category.map({ $0 == recordCategory }) ?? true else { return nil }
                return DecisionHistoryEntry(
                    id: record.id, category: recordCategory, action: record.action, decision: DecisionBook.decision(record),
                    decidedBy: record.decidedBy, decidedAt: StoreTime.date(record.decidedAt), previousID: record.previous,
                    previous: record.previous.flatMap { byID[$0] }.flatMap(DecisionBook.decision))
            }
        }
    }

    private static func record(
        _ record: DecisionRecord, _ configuration: ParityConfiguration, store: any Store, now: Date
    ) throws(EngineError) -> DecisionOutcome {
        try storeCall(doing: "recording the decision") {
            let stored = try store.recordDecision(record)
            let entries = try history(configuration, store: store)
            guard let entry = entries.last(where: { $0.id == stored.id }) else {
                throw EngineError(.storeUnavailable, source: nil, message: "the decision recorded as \(stored.id) cannot be read back", fix: "run parity disposition history")
            }
            let book = try DecisionBook.load(configuration, store: store)
            let verdict = try DecisionBook.verdicts(
                [entry.category], book: book, on: DecisionBook.day(configuration, at: now), store: store).first!
            return DecisionOutcome(entry: entry, verdict: verdict)
        }
    }

    /// The category written as `text`, checked against the config: a mapping and one of its columns (its legacy name;
    /// the new one is accepted), or a legacy table for the kinds that name one.
    static func category(_ text: String, _ configuration: ParityConfiguration) throws(EngineError) -> DispositionCategory {
        var category: DispositionCategory
        do {
            category = try DispositionCategory(parsing: text)
        } catch {
            throw usage(error.message, fix: "write the category as the end-of-day report names it, e.g. \"orders.status value_mismatch\" or \"orders missing_in_new\"")
        }
        if category.kind.namesLegacyTable {
            guard (try? QualifiedName(parsing: category.table)) != nil else {
                throw usage("\(category.table) is not a table name", fix: "write the legacy table as schema.table, e.g. public.daily_summary")
            }
            return category
        }
        guard let mapping = configuration.tables.first(where: { $0.name == category.table }) else {
            throw usage("no table mapping is named \(category.table)", fix: "give one of: \(configuration.tables.map(\.name).joined(separator: ", "))")
        }
        switch (category.kind, category.column) {
        case (.missingInNew, _?), (.missingInLegacy, _?):
            throw usage("a missing row has no column", fix: "write \"\(mapping.name) \(category.kind.rawValue)\"")
        case (.missingInNew, nil), (.missingInLegacy, nil):
            return category
        case (_, nil):
            throw usage("\(category.kind.rawValue) is about a column", fix: "write \"\(mapping.name).COLUMN \(category.kind.rawValue)\" with a mapped column")
        case (_, let column?):
            guard let pair = mapping.columns.first(where: { $0.legacy == column || $0.new == column }) else {
                throw usage("\(column) is not a mapped column of \(mapping.name)",
                            fix: "give one of: \(mapping.columns.map(\.legacy).joined(separator: ", "))")
            }
            category.column = pair.legacy
            return category
        }
    }

    /// Whether `text` is a calendar date written `YYYY-MM-DD`.
    private static func isDay(_ text: String) -> Bool {
        guard text.wholeMatch(of: /[0-9]{4}-[0-9]{2}-[0-9]{2}/) != nil else { return false }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.date(from: text).map(formatter.string(from:)) == text
    }

    private static func usage(_ message: String, fix: String) -> EngineError {
        EngineError(.usage, source: nil, message: message, fix: fix)
    }

    private static func storeCall<T>(doing: String, _ body: () throws -> T) throws(EngineError) -> T {
        try EngineError.storing(doing: doing, fix: "check the store (store.path or store.url) can be read and written", body)
    }
}
