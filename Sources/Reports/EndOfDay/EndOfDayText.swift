import ParityModel
import Reconciliation

/// The end-of-day report as plain text for a terminal.
enum EndOfDayText {
    static func render(_ report: EndOfDayReport) -> String {
        var lines = [
            "cycle \(report.id) \(report.label)  \(report.status)  [\(StoreTime.iso(report.start)), \(StoreTime.iso(report.end)))",
            "unexplained diff rate  \(report.unexplainedRate)",
            "",
            pad("table", 24) + pad("compared", 10) + pad("matched", 10) + "findings",
        ]
        for table in report.tables {
            lines.append(
                pad(table.name, 24) + pad("\(table.compared)", 10) + pad("\(table.matched)", 10) + EndOfDayRenderer.kinds(table.findings)
                    + (table.comparedFrom == report.id && report.id > 0 ? "  (its baseline: every row)" : ""))
        }
        for skipped in report.notCompared {
            lines.append(pad(skipped.table, 24) + "not compared: \(skipped.detail)")
        }
        lines += EndOfDayScope.lines(report)
        if !report.categories.isEmpty {
            lines += ["", "categories:"]
            for category in report.categories {
                lines.append("  \(category.count)  \(category.table)\(category.column.map { ".\($0)" } ?? "") \(category.kind.rawValue)"
                    + "  [\(category.disposition?.rawValue ?? "none")]"
                    + (category.sampleKeys.allSatisfy(\.isEmpty) ? "" : "  e.g. \(samples(category.sampleKeys))"))
            }
        }
        lines += statisticsLines(report)
        if let ledger = report.openDifferences {
            lines += ["", "open differences: \(ledger.open) (\(ledger.new) new, \(ledger.resolved) resolved this cycle)"]
            for category in ledger.categories {
                lines.append("  \(category.open)  \(category.table)\(category.column.map { ".\($0)" } ?? "") \(category.kind.rawValue)  [\(category.disposition?.rawValue ?? "none")]"
                    + "  new \(category.new), resolved \(category.resolved)"
                    + (category.oldestText.map { ", oldest \($0)" } ?? "")
                    + (category.sampleKeys.isEmpty ? "" : "  e.g. \(samples(category.sampleKeys))"))
            }
            if ledger.open > 0 { lines.append("  see: parity report open") }
        }
        if !report.decisions.isEmpty { lines += ["", "decisions:"] + VerdictLines.text(report.decisions) }
        lines.append("")
        let shown = report.findings.count < report.findingsTotal ? " (first \(report.findings.count))" : ""
        lines.append("findings: \(report.findingsTotal)\(shown)")
        for finding in report.findings {
            let key = finding.key.keys.sorted().map { "\($0)=\(finding.key[$0]!.map(Escaping.shortened) ?? "NULL")" }.joined(separator: ",")
            var line = "  \(finding.mapping) {\(key)} \(finding.kind.rawValue)"
            if let column = finding.column { line += " \(column): legacy \(quoted(finding.legacy)) new \(quoted(finding.new))" }
            if let explanation = finding.explanation { line += "  (\(explanation))" }
            if let disposition = finding.disposition { line += "  [\(disposition)]" }
            if let trigger = finding.attributedTo { line += "  attributed to \(trigger)" }
            lines.append(line)
        }
        if !report.aggregates.isEmpty {
            lines += ["", "aggregates:"]
            for line in report.aggregates {
                let result = line.result
                let day = result.period.isEmpty ? "" : " \(result.period)"
                lines.append("  \(result.aggregate)\(day) [\(Escaping.shortened(line.groupText))]"
                    + "  legacy \(result.legacy?.description ?? "-")  new \(result.new?.description ?? "-")"
                    + "  difference \(result.difference)  rounding \(result.roundingExplained)  unexplained \(result.unexplained)"
                    + (result.withinTolerance ? "" : "  OUT OF TOLERANCE"))
            }
        }
        lines += ["", report.inventoryTaken ? "hidden state:" : "hidden state: no legacy inventory was taken at this close"]
        for line in report.hiddenState {
            lines.append("  \(line.kind.rawValue)  \(line.message)")
        }
        for change in report.inventoryChanges {
            lines.append("  inventory \(change.change.rawValue): \(change.kind.rawValue) \(change.name)" + (change.table.map { " on \($0)" } ?? "")
                + (change.documented ? " (documented)" : " (undocumented)") + (change.detail.isEmpty ? "" : " [\(change.detail)]"))
        }
        if !report.rounding.isEmpty { lines += ["", "rounding modes:"] }
        for line in report.rounding {
            lines.append("  \(line.table).\(line.column) \(pad(line.side.rawValue, 7))\(line.evidence)")
        }
        if !report.carriedKeys.isEmpty {
            lines.append("carried to the next cycle: "
                + report.carriedKeys.map { "\($0.mapping) \(Escaping.shortened($0.canonicalKey.rawValue))" }.joined(separator: ", "))
        }
        for unmapped in report.unmappedColumns where !unmapped.legacy.isEmpty || !unmapped.new.isEmpty {
            lines.append("unmapped columns in \(unmapped.table): legacy [\(unmapped.legacy.joined(separator: ", "))]"
                + " new [\(unmapped.new.joined(separator: ", "))]")
        }
        for rule in report.staleDispositions {
            lines.append("stale disposition: \(rule.table).\(rule.column ?? "*") \(rule.kind.rawValue) \(rule.disposition.rawValue) matched nothing in the last gate.stale_after_cycles cycles")
        }
        if let clients = report.legacyClients {
            lines += ["", "who still uses legacy (\(clients.lines.count) clients in \(clients.samples) samples):"]
            lines += clients.note.map { ["  note: \($0)"] } ?? []
            lines += clients.lines.map { line in
                "  \(line.isNew ? "NEW " : "    ")\(EndOfDayRenderer.clientColumns(line.client).joined(separator: "  "))"
            }
        }
        if let verification = report.verification { lines += ["", "verification: " + EndOfDayRenderer.verificationLine(verification)] }
        if let contracts = report.contracts { lines += ["", "contracts: " + contracts.summary] }
        if !report.capture.isEmpty { lines += ["", "capture:"] }
        for source in report.capture {
            lines.append("  \(pad(source.side.rawValue, 8))durable \(source.durableLSN)"
                + "  complete through \(StoreTime.iso(source.watermark))"
                + (source.lastError.map { "  last error: \($0)" } ?? ""))
        }
        return Escaping.lines(lines)
    }

    /// Sample keys, each shortened, joined by `, `.
    private static func samples(_ keys: [String]) -> String { keys.map(Escaping.shortened).joined(separator: ", ") }

    /// A row value in quotes, shortened, or `NULL`.
    private static func quoted(_ value: String?) -> String { value.map { "\"\(Escaping.shortened($0))\"" } ?? "NULL" }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
