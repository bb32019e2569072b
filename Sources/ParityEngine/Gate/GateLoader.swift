import Foundation
import ParityConfig
import ParityModel
import ParityStore
import Reconciliation
import SourceQueries

/// Builds the decommission gate's input from the store and both sources (live capture health).
///
/// The window is the last `gate.cycles` closed cycles after the baseline (cycle 0 is never in it), up to the
/// business day `asOf` when given. Findings and the open differences of the ledger (whatever cycle found them) are
/// judged under the dispositions in force on `now`'s business day: the config's rules, then the stored decisions not expired. Aggregates are the monthly close of the last business month complete
/// when the window's last cycle ended, with flow values as of the latest closed cycle.
/// Hidden state comes from the audit recorded at each close (nil when no legacy inventory was taken in the window).
public enum GateLoader {
    /// The gate's input as of now, or as of the end of business day `asOf` (`YYYY-MM-DD`).
    public static func load(
        _ configuration: ParityConfiguration, store: any Store, asOf: String? = nil, now: Date = Date()
    ) throws(EngineError) -> GateInput {
        if let asOf, asOf.wholeMatch(of: /[0-9]{4}-[0-9]{2}-[0-9]{2}/) == nil {
            throw EngineError(.usage, source: nil, message: "\(asOf) is not a day", fix: "give --date as YYYY-MM-DD, e.g. 2026-11-20")
        }
        do {
            let cycles = try store.cycles()
            let closed = cycles.filter { cycle in cycle.id > 0 && asOf.map { cycle.label.prefix(10) <= $0 } ?? true }
            let window = Array(closed.suffix(max(configuration.gate.cycles, 1)))
            let book = try DecisionBook.load(configuration, store: store)
            let day = asOf ?? DecisionBook.day(configuration, at: now)
            let matcher = book.matcher(on: day)
            let quiet = configuration.gate.legacyQuietCycles > 0
            var input = GateInput(
                cycles: try window.map { try GateCycleReader.cycle($0, store: store, matcher: matcher) },
                mappings: configuration.tables.map(\.name),
                staleDispositions: try window.last.map { try staleRules(configuration, store: store, through: $0.id) } ?? [],
                expectedLabels: expectedLabels(configuration, window: window),
                lastMonth: try window.last.flatMap { try GateMonthReader.lastCompleteMonth(configuration, store: store, lastCycle: $0, now: now) },
                hiddenState: try GateHiddenState.load(configuration, store: store, cycles: window.map(\.id)),
                legacyWrites: quiet ? try window.map { try legacyWrites($0, store: store) } : nil,
                legacyUse: quiet ? try legacyUse(configuration, store: store, cycles: Array(window.suffix(configuration.gate.legacyQuietCycles))) : nil,
                openDifferences: try GateOpenDifferences.load(
                    store: store, matcher: matcher, labels: Dictionary(cycles.map { ($0.id, $0.label) }, uniquingKeysWith: { a, _ in a })),
                verification: try VerificationHistory.status(configuration, store: store),
                capture: try GateCaptureHealth.sources(configuration, store: store, now: now),
                evaluatedAt: now, asOf: window.last.map { StoreTime.date($0.end) },
                configHash: configuration.digest)
            input.uninitializedMappings = try MappingStatus(configuration: configuration, store: store).uninitialized
            input.contracts = try ContractExport.status(configuration, store: store)
            input.scopes = try scopes(configuration, store: store, window: window)
            input.decisions = try decisions(input, book: book, on: day, store: store)
            return input
        } catch let error as EngineError {
            throw error
        } catch {
            throw EngineError.store(error, doing: "reading the store for the gate", fix: "check the store (store.path or store.url) can be read")
        }
    }

    /// The window's cutover scope shares; nil when no mapping is scoped in the config or in the window.
    private static func scopes(
        _ configuration: ParityConfiguration, store: any Store, window: [CycleRecord]
    ) throws -> [ScopeShare]? {
        guard let last = window.last else { return nil }
        let ids = Set(window.map(\.id))
        let shares = try store.scopeShares(through: last.id).filter { ids.contains($0.cycle) }
        return shares.isEmpty && !configuration.tables.contains { $0.scope != nil } ? nil : shares
    }

    /// The decision on each category the window saw or holds open, and on every stored decision's category, on `day`;
    /// a `match` decision's recurrence as of the window's last cycle.
    private static func decisions(_ input: GateInput, book: DispositionBook, on day: String, store: any Store) throws -> [CategoryVerdict] {
        let categories = (input.cycles.flatMap(\.categories) + input.openDifferences.categories).map { category in
            DispositionCategory(table: category.table, column: category.column, kind: category.kind)
        }
        return try DecisionBook.verdicts(
            categories + book.decisions.map(\.category), book: book, on: day, store: store, through: input.cycles.last?.id)
    }


    /// Every calendar label from the window's first cycle through its last, so a business day with no cycle is named.
    private static func expectedLabels(_ configuration: ParityConfiguration, window: [CycleRecord]) -> [String]? {
        guard let calendar = CycleCalendar(configuration.cycle), let first = window.first, let last = window.last else { return nil }
        return calendar.windows(from: StoreTime.date(first.start), through: StoreTime.date(last.start)).map(\.label)
    }

    /// Rules that matched nothing in the last `gate.stale_after_cycles` cycles through `id`, one line each.
    private static func staleRules(_ configuration: ParityConfiguration, store: any Store, through id: Int64) throws -> [String] {
        try EndOfDaySections.staleDispositions(configuration, store: store, through: id).map {
            "\($0.table).\($0.column ?? "*") \($0.kind.rawValue) \($0.disposition.rawValue)"
        }
    }

    /// Rows written per legacy table in the cycle's window (by commit time), with the trigger the cycle's audit saw
    /// maintaining the table, if any.
    private static func legacyWrites(_ cycle: CycleRecord, store: any Store) throws -> GateInput.CycleWrites {
        let triggers = Dictionary(
            try store.hiddenState(cycle: cycle.id).compactMap { line in line.trigger.map { (line.table, "trigger \($0)") } },
            uniquingKeysWith: { first, _ in first })
        return GateInput.CycleWrites(
            cycleID: cycle.id,
            tables: try store.tableWrites(side: .legacy, from: cycle.start, to: cycle.end).map {
                GateInput.TableWrites(table: $0.table, rows: $0.rows, writer: triggers[$0.table])
            })
    }

    /// Clients the census saw on legacy in `cycles` (all but `gate.allowed_clients`), and from a live legacy inventory the
    /// undocumented outbound integrations and other consumers of changes; when legacy's catalog cannot be read, why (the
    /// criterion is then not evaluated, and the gate exits 3 unless another criterion fails).
    private static func legacyUse(_ configuration: ParityConfiguration, store: any Store, cycles: [CycleRecord]) throws -> LegacyUse.Verdict {
        var inventory: Inventory?
        var unread: String?
        do {
            inventory = try InventoryCommand.run(configuration, side: .legacy).inventory
        } catch {
            unread = error.message
        }
        return LegacyUse.quietVerdict(
            cycles: try CensusReader.legacyCensus(of: cycles, store: store), allowedClients: configuration.gate.allowedClients,
            inventory: inventory, unreadCatalog: unread)
    }
}
