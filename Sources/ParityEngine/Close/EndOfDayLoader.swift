import Foundation
import LogicalReplication
import ParityConfig
import ParityModel
import ParityStore
import Reconciliation
import SourceQueries

/// Builds the end-of-day report of a closed cycle from the store, masking values of `pii: true` columns.
public enum EndOfDayLoader {
    /// The mask shown instead of a `pii` column's value.
    public static let mask = "***"

    /// Which closed cycle to report.
    public enum Selection: Sendable, Equatable {
        /// The latest closed cycle.
        case latest
        /// The cycle with this id.
        case id(Int64)
        /// The cycle labelled with this date (`YYYY-MM-DD`).
        case date(String)
    }

    /// The report of cycle `id` (the latest closed cycle when nil), with at most `limit` findings.
    public static func load(
        _ configuration: ParityConfiguration, store: any Store, cycle id: Int64? = nil, limit: Int? = nil
    ) throws(EngineError) -> EndOfDayReport {
        try load(configuration, store: store, selecting: id.map(Selection.id) ?? .latest, limit: limit)
    }

    /// The report of the selected closed cycle, with at most `limit` findings.
    public static func load(
        _ configuration: ParityConfiguration, store: any Store, selecting selection: Selection, limit: Int? = nil
    ) throws(EngineError) -> EndOfDayReport {
        do {
            let record = try select(selection, store: store)
            let findings = try store.findings(cycle: record.id).map { masked($0, configuration) }
            let mappings = try MappingStatus(configuration: configuration, store: store)
            let shown = limit.map { Array(findings.prefix(max(0, $0))) } ?? findings
            let scopes = try EndOfDaySections.scopes(store: store, cycle: record.id)
            var report = EndOfDayReport(
                id: record.id, label: record.label, start: StoreTime.date(record.start), end: StoreTime.date(record.end), status: record.status,
                tables: try store.cycleTables(cycle: record.id).map {
                    var table = EndOfDayReport.Table(name: $0.mapping, compared: $0.compared, matched: $0.matched, findings: $0.findingsByKind)
                    table.comparedFrom = mappings.comparedFrom[$0.mapping]
                    table.scope = scopes[$0.mapping]
                    return table
                },
                findings: shown, findingsTotal: findings.count,
                carriedKeys: try store.carriedKeys(into: record.id + 1),
                unexplainedRate: record.unexplainedRate, categories: FindingCategories.rank(findings),
                capture: try store.sourceRecords().map {
                    EndOfDayReport.SourceHealth(
                        side: $0.side, durableLSN: LSN($0.checkpointLSN).description, watermark: StoreTime.date($0.watermark),
                        lastError: $0.lastError)
                },
                staleDispositions: try EndOfDaySections.staleDispositions(configuration, store: store, through: record.id),
                unmappedColumns: try EndOfDaySections.unmappedColumns(configuration, store: store))
            report.aggregates = try EndOfDaySections.aggregates(configuration, store: store, cycle: record.id)
            report.rounding = try EndOfDaySections.rounding(store: store, cycle: record.id)
            try EndOfDaySections.hiddenState(&report, store: store, cycle: record.id)
            report.legacyClients = try EndOfDayClients.legacyClients(store: store, cycle: record)
            let matcher = try DecisionBook.load(configuration, store: store)
                .matcher(on: DecisionBook.day(configuration, at: StoreTime.date(record.start)))
            report.openDifferences = EndOfDayReport.OpenDifferences(
                LedgerEntries.entries(
                    try store.differences(asOf: record.id), configuration: configuration, matcher: matcher, cycles: try store.cycles()),
                cycle: record.id, end: StoreTime.date(record.end))
            report.decisions = try EndOfDayDecisions.verdicts(configuration, store: store, report: report, cycle: record)
            report.verification = try VerificationHistory.status(configuration, store: store)
            report.addStatistics(
                try store.mappingStatistics(through: record.id), mappings: configuration.tables)
            report.contracts = try ContractExport.status(configuration, store: store)
            report.notCompared = notCompared(configuration, mappings: mappings, compared: Set(report.tables.map(\.name)), cycle: record.id)
            return report
        } catch let error as EngineError {
            throw error
        } catch {
            throw EngineError.store(error, doing: "reading the cycle", fix: "check the store (store.path or store.url) can be read")
        }
    }

    private static func select(_ selection: Selection, store: any Store) throws -> CycleRecord {
        let record: CycleRecord?
        let missing: String
        switch selection {
        case .latest: (record, missing) = (try store.latestCycle(), "no cycle is closed yet")
        case .id(let id): (record, missing) = (try store.cycle(id: id), "cycle \(id) is not closed")
        case .date(let day):
            record = try store.cycles().first { $0.label == day || $0.label.hasPrefix(day + "/") }
            missing = "no closed cycle is labelled \(day)"
        }
        guard let record else {
            throw EngineError(.notReady, source: nil, message: missing,
                              fix: "run parity close (--cycle takes the id and --date the label of a closed cycle)")
        }
        return record
    }

    /// The configured mappings cycle `id` did not compare, and why.
    static func notCompared(
        _ configuration: ParityConfiguration, mappings: MappingStatus, compared: Set<String>, cycle id: Int64
    ) -> [EndOfDayReport.NotCompared] {
        configuration.tables.map(\.name).filter { !compared.contains($0) }.map { name in
            if mappings.uninitialized.contains(name) {
                return .init(table: name, reason: .notInitialized,
                             detail: "added to the config after init: stop capture, run parity init --add \(name), start capture")
            }
            let first = mappings.comparedFrom[name].map { "cycle \($0) compared every row of it" } ?? "the next cycle compares every row of it"
            return .init(table: name, reason: .addedLater, detail: "added after this cycle ended; \(first)")
        }
    }

    /// The finding as reports show it: `pii` values masked.
    static func masked(_ finding: Finding, _ configuration: ParityConfiguration) -> Finding {
        let pii = configuration.tables.first { $0.name == finding.mapping }?.columns.first { $0.legacy == finding.column }?.pii ?? false
        guard pii else { return finding }
        var masked = finding
        masked.legacy = finding.legacy.map { _ in mask }
        masked.new = finding.new.map { _ in mask }
        return masked
    }

}
