import ParityModel
import Reconciliation

/// Renders `parity report monthly` as text, `parity.monthly/1` JSON, RFC 4180 CSV or one self-contained HTML page with drift charts.
public enum MonthlyRenderer {
    /// The report in `format`.
    public static func render(_ report: MonthlyReport, format: OutputFormat) -> String {
        switch format {
        case .text: MonthlyText.render(report)
        case .json: JSONRendering.render(MonthlyDocument(report))
        case .csv: MonthlyCSV.render(report)
        case .html: MonthlyHTML.render(report)
        }
    }

    /// The bridge kinds every table shows, in walk order, then any other kind the report holds, by name.
    static func bridgeKinds(_ report: MonthlyReport) -> [DifferenceCause] {
        let standard: [DifferenceCause] = [.missingInNew, .missingInLegacy, .valueMismatch, .rounding, .withinTolerance].map { .finding($0) }
        let others = Set(report.aggregates.flatMap { $0.groups.flatMap { $0.bridge.map(\.kind) } }).subtracting(standard)
        return standard + others.sorted()
    }

    /// What an aggregate computes, in words: measure, table, scope, tolerance, then its filter, where legacy's totals
    /// come from and its unit when it has them, so two aggregates over one table are told apart.
    static func description(_ aggregate: MonthlyAggregate) -> String {
        let scope = switch aggregate.scope {
        case .flow: "flow (rows dated in the month)"
        case .balance: "balance (state at month end)"
        }
        var parts = ["\(aggregate.measure) over \(aggregate.table), \(scope), tolerance \(Humanized.amount(aggregate.tolerance)) per group"]
        if let filter = aggregate.filter { parts.append("only rows where \(filter)") }
        if let summary = aggregate.legacySummary { parts.append("legacy totals read from \(summary)") }
        if let unit = aggregate.unit { parts.append("amounts per \(unit), never added across") }
        if let cutover = aggregate.cutoverScope { parts.append("only keys in the cutover scope: \(cutover)") }
        return parts.joined(separator: "; ")
    }

    /// The groups' unexplained amounts added up, one total per unit with a unit (`EUR 0.75; USD -0.10`); `—` when an
    /// amount is not a decimal.
    static func unexplainedTotal(_ aggregate: MonthlyAggregate) -> String {
        guard let unit = aggregate.unit else {
            return DriftChart.cumulative(aggregate.groups.map(\.unexplained))?.last.map { Humanized.amount($0.description) } ?? "—"
        }
        var units: [String] = []
        var amounts: [String: [String]] = [:]
        for group in aggregate.groups {
            let value = group.group.first { $0.name == unit }.flatMap(\.value) ?? "NULL"
            if amounts[value] == nil { units.append(value) }
            amounts[value, default: []].append(group.unexplained)
        }
        guard !units.isEmpty else { return "—" }
        return units.sorted().map { value in
            "\(value) " + (DriftChart.cumulative(amounts[value]!)?.last.map { Humanized.amount($0.description) } ?? "—")
        }.joined(separator: "; ")
    }

    /// A group's unexplained amount by kind in words (`missing in new -1,022.44; value mismatch 0.50`).
    static func unexplainedWords(_ group: MonthlyGroup) -> String {
        group.unexplainedByKind.map { "\(Humanized.words($0.kind.rawValue)) \(Humanized.amount($0.amount))" }.joined(separator: "; ")
    }

    /// The columns of the open differences on rows dated in the month.
    static let openDifferenceColumns = ["aggregate", "day", "table", "key", "column", "kind", "legacy", "new", "disposition", "first seen"]

    /// One open difference's cells, in `openDifferenceColumns` order.
    static func openDifferenceCells(_ line: MonthlyReport.OpenDifferenceLine) -> [String] {
        [line.aggregate, line.day, line.item.mapping, line.item.keyText, line.item.column ?? "-", Humanized.words(line.item.kind.rawValue), line.item.legacy ?? "NULL",
         line.item.new ?? "NULL", line.item.disposition?.rawValue ?? "none", line.firstSeen == 0 ? "baseline" : "cycle \(line.firstSeen)"]
    }
}
