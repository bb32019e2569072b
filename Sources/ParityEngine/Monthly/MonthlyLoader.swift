import ExactNumeric
import Foundation
import ParityConfig
import ParityModel
import ParityStore
import Reconciliation
import SourceQueries

/// Builds the monthly close report of a calendar month from the store.
///
/// Flow aggregates sum each business day of the month (the date column's day) as of the latest closed
/// cycle; balance aggregates take the last cycle labelled in the month. Rounding modes are inferred from the evidence of
/// every cycle closed so far. The month's cycles are its business days' windows, plus every later cycle that reconciled
/// rows dated in the month (late rows; in the demo, whose business days are simulated, every cycle that replayed one);
/// categories are those of these cycles.
public enum MonthlyLoader {
    /// The report of `month` (`YYYY-MM`), signed off by the given names.
    public static func load(
        _ configuration: ParityConfiguration, store: any Store, month: String, preparedBy: String? = nil,
        reviewedBy: String? = nil, now: Date = Date()
    ) throws(EngineError) -> MonthlyReport {
        guard month.wholeMatch(of: /[0-9]{4}-(0[1-9]|1[0-2])/) != nil else {
            throw EngineError(.usage, source: nil, message: "\(month) is not a month", fix: "give the month as YYYY-MM, e.g. 2026-11")
        }
        do {
            let cycles = try store.cycles()
            guard let latest = cycles.last else {
                throw EngineError(.notReady, source: nil, message: "no cycle is closed yet", fix: "run parity init, then parity close")
            }
            let inMonth = cycles.filter { $0.id > 0 && $0.label.hasPrefix(month) }
            let reconciling = Set(try store.flowCycles(from: month + "-01", through: month + "-31"))
            let ofMonth = cycles.filter { $0.id > 0 && ($0.label.hasPrefix(month) || reconciling.contains($0.id)) }
            let monthIDs = Set(ofMonth.map(\.id))
            let shares = try store.scopeShares(through: latest.id).filter { monthIDs.contains($0.cycle) }
            let aggregates = try configuration.aggregates.map { aggregate in
                var computed = aggregate.scope == .flow
                    ? try flow(aggregate, store: store, month: month, asOf: latest.id)
                    : try balance(aggregate, store: store, cycles: inMonth)
                computed.cutoverScope = cutoverScope(shares.filter { $0.mapping == aggregate.table })
                return computed
            }
            var report = MonthlyReport(
                month: month, generatedAt: now, aggregates: aggregates,
                rounding: try rounding(store: store, cycles: cycles),
                categories: try categories(configuration, store: store, cycles: ofMonth),
                cycles: try MonthlyCycles.days(configuration, store: store, month: month, closed: cycles, reconciling: ofMonth, now: now),
                signOff: MonthlyReport.SignOff(preparedBy: preparedBy, preparedAt: now, reviewedBy: reviewedBy))
            report.openDifferences = try MonthlyOpenDifferences.lines(configuration, store: store, month: month, cycles: cycles, now: now)
            report.timeZone = configuration.cycle.timezone
            return report
        } catch let error as EngineError {
            throw error
        } catch {
            throw EngineError.store(error, doing: "reading the month", fix: "check the store (store.path or store.url) can be read")
        }
    }

    /// The share of a table in its cutover scope over the month's cycles, when some cycle had part of it out of scope.
    private static func cutoverScope(_ shares: [ScopeShare]) -> String? {
        guard let last = shares.last, shares.contains(where: { !$0.isFull }) else { return nil }
        let percents = shares.compactMap { ExactDecimal(EndOfDayReport.ScopeLine.share($0.inScope, of: $0.rows)) }.sorted()
        let range = [percents.first, percents.last].compactMap { $0.map { EndOfDayReport.ScopeLine.percent($0.description) } }
        let span = range.first == range.last ? range[0] : range.joined(separator: "–")
        return "\(span) of \(last.mapping) in scope over the month's cycles (last: \(last.definition ?? "every row"))"
    }

    /// The month (`YYYY-MM`) of the latest closed cycle after the baseline.
    public static func latestMonth(store: any Store) throws(EngineError) -> String {
        let label: String?
        do {
            label = try store.cycles().last { $0.id > 0 }?.label
        } catch {
            throw EngineError.store(error, doing: "reading the cycles", fix: "check the store (store.path or store.url) can be read")
        }
        guard let label else {
            throw EngineError(.notReady, source: nil, message: "no cycle after the baseline is closed yet", fix: "run parity close, or give --month")
        }
        return String(label.prefix(7))
    }

    /// A flow: every business day of the month as of cycle `asOf`, summed per group.
    private static func flow(
        _ aggregate: AggregateConfiguration, store: any Store, month: String, asOf: Int64
    ) throws -> MonthlyAggregate {
        let rows = try store.flowResults(asOf: asOf, from: month + "-01", through: month + "-31").map(\.1)
            .filter { $0.aggregate == aggregate.name }
        return summarize(aggregate, rows: rows, label: \.period)
    }

    /// A balance: the month's last cycle, with each cycle of the month as a day of drift.
    private static func balance(_ aggregate: AggregateConfiguration, store: any Store, cycles: [CycleRecord]) throws -> MonthlyAggregate {
        var rows: [AggregateGroupResult] = []
        var labels: [ExactText: String] = [:]
        for cycle in cycles {
            for row in try store.aggregateResults(cycle: cycle.id) where row.aggregate == aggregate.name {
                rows.append(row)
                labels[row.identity] = cycle.label
            }
        }
        return summarize(aggregate, rows: rows, label: { labels[$0.identity] ?? "" }, lastOnly: true)
    }

    /// Groups rows (one per day or cycle and group) into the month's totals and daily drift.
    private static func summarize(
        _ aggregate: AggregateConfiguration, rows: [AggregateGroupResult], label: (AggregateGroupResult) -> String,
        lastOnly: Bool = false
    ) -> MonthlyAggregate {
        var totals = MonthlyTotals(aggregate: aggregate, replacing: lastOnly)
        for row in rows { totals.add(row, day: label(row)) }
        var month = MonthlyAggregate(
            name: aggregate.name, table: aggregate.table, measure: measureText(aggregate.measure), scope: aggregate.scope,
            tolerance: aggregate.tolerance, groups: totals.groups(), daily: totals.daily())
        month.unit = aggregate.unit
        month.dailyByUnit = totals.dailyByUnit()
        month.filter = aggregate.filter
        month.legacySummary = aggregate.legacySummary.map { "\($0.table).\($0.value)" }
        return month
    }

    private static func measureText(_ measure: AggregateMeasure) -> String {
        switch measure {
        case .sum(let column): "sum(\(column))"
        case .count(let column): "count(\(column))"
        case .min(let column): "min(\(column))"
        case .max(let column): "max(\(column))"
        }
    }

    /// Per mapping and column, the mode each side behaves as over every cycle so far.
    private static func rounding(store: any Store, cycles: [CycleRecord]) throws -> [MonthlyReport.RoundingModeRow] {
        let history = try RoundingHistory(store: store, cycles: cycles)
        return modeRows(history.observations) + totalRows(history.totals)
    }

    /// Per column with a source expression, the mode each side behaves as.
    private static func modeRows(_ observations: RoundingObservations) -> [MonthlyReport.RoundingModeRow] {
        let columns = Set(observations.evidence.keys.map { [$0.mapping, $0.column] }).sorted { $0.lexicographicallyPrecedes($1) }
        return columns.map { pair in
            let inference = { (side: SourceSide) in
                observations.evidence[RoundingObservations.Subject(mapping: pair[0], column: pair[1], side: side)]?.inference()
            }
            let legacy = inference(.legacy)
            let new = inference(.new)
            return MonthlyReport.RoundingModeRow(
                table: pair[0], column: pair[1], legacyMode: legacy?.label ?? "undetermined", newMode: new?.label ?? "undetermined",
                evidence: "legacy: \(legacy?.evidence ?? "no rows"); new: \(new?.evidence ?? "no rows")")
        }
    }

    /// Per header with line items, whether each side rounds per line or once over the total.
    private static func totalRows(_ totals: [[String]: TotalRoundingEvidence]) -> [MonthlyReport.RoundingModeRow] {
        Set(totals.keys.map { [$0[0], $0[1]] }).sorted { $0.lexicographicallyPrecedes($1) }.map { pair in
            let legacy = totals[pair + [SourceSide.legacy.rawValue]]?.verdict
            let new = totals[pair + [SourceSide.new.rawValue]]?.verdict
            return MonthlyReport.RoundingModeRow(
                table: pair[0], column: TotalRoundingSubject.label(pair[1]), legacyMode: legacy?.rounding.rawValue ?? "undetermined",
                newMode: new?.rounding.rawValue ?? "undetermined",
                evidence: "legacy: \(legacy?.evidence ?? "no totals"); new: \(new?.evidence ?? "no totals")")
        }
    }

    /// Finding categories of the month's cycles with their disposition and rule note.
    private static func categories(
        _ configuration: ParityConfiguration, store: any Store, cycles: [CycleRecord]
    ) throws -> [MonthlyReport.CategoryStatus] {
        var counts: [[String]: MonthlyReport.CategoryStatus] = [:]
        for cycle in cycles {
            for finding in try store.findings(cycle: cycle.id) {
                let key = [finding.mapping, finding.column ?? "", finding.kind.rawValue, finding.disposition?.rawValue ?? ""]
                counts[key, default: MonthlyReport.CategoryStatus(
                    table: finding.mapping, column: finding.column, kind: finding.kind, findings: 0, disposition: finding.disposition,
                    note: finding.ruleNote)].findings += 1
            }
        }
        return counts.sorted { ($1.value.findings, $0.key.joined()) < ($0.value.findings, $1.key.joined()) }.map(\.value)
    }
}
