import ExactNumeric
import Foundation
import ParityConfig
import ParityEngine
import ParityModel
import ParityStore
import Reconciliation
import Testing

/// Rounding differences walked into aggregates across two cycles and two months of business dates.
@Suite("Rounding explained in aggregates and the monthly close")
struct RoundingScenarioTests {
    typealias Line = RoundingScenario.Line

    /// September: ties with an even kept digit (legacy rounds down, new up), ties with an odd kept digit (both
    /// round up), negative ties (legacy toward zero, new away from it), an exact amount, and invoice 9, which
    /// only legacy has.
    static let september = [
        Line(invoice: 1, line: 1, currency: "EUR", day: "2026-09-29", qty: "1.5", price: "1.23"),    // 1.845
        Line(invoice: 1, line: 2, currency: "EUR", day: "2026-09-29", qty: "2.5", price: "0.33"),    // 0.825
        Line(invoice: 1, line: 3, currency: "EUR", day: "2026-09-29", qty: "0.5", price: "2.25"),    // 1.125
        Line(invoice: 1, line: 4, currency: "EUR", day: "2026-09-29", qty: "1.5", price: "1.25"),    // 1.875
        Line(invoice: 1, line: 5, currency: "EUR", day: "2026-09-29", qty: "0.5", price: "0.75"),    // 0.375
        Line(invoice: 1, line: 6, currency: "EUR", day: "2026-09-30", qty: "2", price: "1.11"),      // 2.22
        Line(invoice: 2, line: 1, currency: "USD", day: "2026-09-30", qty: "-1.5", price: "1.23"),   // -1.845
        Line(invoice: 2, line: 2, currency: "USD", day: "2026-09-30", qty: "-0.5", price: "2.25"),   // -1.125
    ]
    static let missingInvoice = Line(invoice: 9, line: 1, currency: "EUR", day: "2026-09-30", qty: "1", price: "123.45")

    /// October, written in the second cycle with a correction to a September line.
    static let october = [
        Line(invoice: 3, line: 1, currency: "EUR", day: "2026-10-01", qty: "3.5", price: "0.33"),    // 1.155
        Line(invoice: 3, line: 2, currency: "EUR", day: "2026-10-01", qty: "4.5", price: "0.41"),    // 1.845
        Line(invoice: 4, line: 1, currency: "USD", day: "2026-10-02", qty: "-2.5", price: "0.33"),   // -0.825
        Line(invoice: 4, line: 2, currency: "USD", day: "2026-10-02", qty: "1.5", price: "0.25"),    // 0.375
        Line(invoice: 4, line: 3, currency: "USD", day: "2026-10-02", qty: "10", price: "9.99"),     // 99.90
    ]

    @Test("half-even legacy vs half-up new: every difference explained by rounding except a missing invoice",
          arguments: ReconciliationScenario.StoreKind.allCases)
    func twoMonths(_ storeKind: ReconciliationScenario.StoreKind) throws {
        let scenario = try ReconciliationScenario(storeKind: storeKind,
            legacySchema: RoundingScenario.legacySchema, newSchema: RoundingScenario.newSchema, tables: RoundingScenario.tables,
            extraYAML: RoundingScenario.aggregates)
        defer { scenario.stop() }
        let session = try scenario.startCapture()
        defer { session.stop() }

        let calendar = try #require(CycleCalendar(scenario.configuration.cycle))
        let first = try CycleClock.waitForWindow(calendar, offset: 0.2...3)
        try scenario.write(
            legacy: RoundingScenario.legacyInsert(Self.september + [Self.missingInvoice]), new: RoundingScenario.newInsert(Self.september))
        let second = calendar.window(after: first)
        _ = try CycleClock.waitForWindow(calendar, offset: 0.2...3, window: second)
        try scenario.write(
            legacy: RoundingScenario.legacyInsert(Self.october) + "; " + RoundingScenario.legacyRequantify(invoice: 1, line: 6, qty: "3"),
            new: RoundingScenario.newInsert(Self.october) + "; " + RoundingScenario.newRequantify(invoice: 1, line: 6, qty: "3"))
        try scenario.closeThrough(second, session: session)
        let cycles = try scenario.store.cycles()
        let a = try #require(cycles.first { $0.label == first.label })
        let b = try #require(cycles.first { $0.label == second.label })

        // Cycle A: each tie the two modes round apart is a rounding finding naming both modes; the missing invoice is not.
        let findingsA = try scenario.store.findings(cycle: a.id).filter { $0.mapping == "invoice_lines" }.map { "\($0.key["inv_no"]! ?? "")/\($0.key["line_no"]! ?? "") \($0.kind) \($0.legacy ?? "-") \($0.new ?? "-") \($0.explanation ?? "")" }
        #expect(findingsA.sorted() == [
            "1/1 rounding 1.84 1.85 legacy half_even, new half_up",
            "1/2 rounding 0.82 0.83 legacy half_even, new half_up",
            "1/3 rounding 1.12 1.13 legacy half_even, new half_up",
            "2/1 rounding -1.84 -1.85 legacy half_even, new half_up",
            "2/2 rounding -1.12 -1.13 legacy half_even, new half_up",
            "9/1 missing_in_new - - ",
        ])
        // The cycle's aggregate rows: one per business day and currency, the difference walked by cause.
        let rowsA = try scenario.store.aggregateResults(cycle: a.id).map(Self.describe)
        #expect(rowsA == [
            "2026-09-29 EUR legacy 6.04 new 6.07 difference 0.03 bridge rounding=0.03 unexplained 0.00",
            "2026-09-30 EUR legacy 125.67 new 2.22 difference -123.45 bridge - unexplained -123.45 missing_in_new=-123.45",
            "2026-09-30 USD legacy -2.96 new -2.98 difference -0.02 bridge rounding=-0.02 unexplained 0.00",
        ])
        // Cycle B rewrites only the days it changed: the corrected September day and the October days.
        let rowsB = try scenario.store.aggregateResults(cycle: b.id).map(Self.describe)
        #expect(rowsB == [
            "2026-09-30 EUR legacy 126.78 new 3.33 difference -123.45 bridge - unexplained -123.45 missing_in_new=-123.45",
            "2026-10-01 EUR legacy 3.00 new 3.01 difference 0.01 bridge rounding=0.01 unexplained 0.00",
            "2026-10-02 USD legacy 99.46 new 99.45 difference -0.01 bridge rounding=-0.01 unexplained 0.00",
        ])

        // Cycle A alone has too few ties of each kind to name a mode.
        let eod = try EndOfDayLoader.load(scenario.configuration, store: scenario.store, cycle: a.id)
        #expect(eod.aggregates.count == 3)
        #expect(eod.rounding.map { "\($0.table) \($0.side) \($0.mode)" } == [
            "invoice_lines legacy undetermined", "invoice_lines new undetermined", "invoices legacy per_line", "invoices new per_total",
        ])
        #expect(eod.rounding.last?.evidence == "per_total, 2/2 distinguishing totals")
        #expect(eod.rounding[2].evidence == "per_line, 2/2 distinguishing totals (1 more fit both)")

        // The monthly close: exact totals per currency, rounding explained, the missing invoice unexplained to the cent.
        let september = try MonthlyLoader.load(scenario.configuration, store: scenario.store, month: "2026-09", preparedBy: "test")
        let totals = try #require(september.aggregates.first)
        #expect(totals.groups.map(Self.describe) == [
            "currency=EUR legacy 132.82 new 9.40 difference -123.42 rounding 0.03 unexplained -123.45 missing_in_new=-123.45 days 2",
            "currency=USD legacy -2.96 new -2.98 difference -0.02 rounding -0.02 unexplained 0.00 days 1",
        ])
        #expect(totals.groups.map(\.withinTolerance) == [false, true])
        #expect(totals.daily.map { "\($0.label) \($0.explained) \($0.unexplained)" } == [
            "2026-09-29 0.03 0.00", "2026-09-30 -0.02 -123.45",
        ])
        // Grouped by currency, the drift is kept per currency (the chart draws one per unit), never added across.
        #expect(totals.unit == "currency" && totals.dailyByUnit.map(\.unit) == ["EUR", "USD"])
        let perUnit = totals.dailyByUnit.map { unit in
            let moved = unit.daily.filter { ExactDecimal($0.explained)?.isZero == false || ExactDecimal($0.unexplained)?.isZero == false }
            return "\(unit.unit ?? "NULL"): " + moved.map { "\($0.label) \($0.explained) \($0.unexplained)" }.joined(separator: ", ")
        }
        #expect(perUnit == ["EUR: 2026-09-29 0.03 0.00, 2026-09-30 0 -123.45", "USD: 2026-09-30 -0.02 0.00"], "\(perUnit)")
        // Over both cycles each kind of tie appears at least three times: each system's mode is named with its evidence.
        #expect(september.rounding.map { "\($0.table).\($0.column) \($0.legacyMode) \($0.newMode)" } == [
            "invoice_lines.amount half_even half_up", "invoices.total: total = Σ invoice_lines.amount per_line per_total",
        ])
        #expect(september.rounding.last?.evidence
            == "legacy: per_line, 4/4 distinguishing totals (2 more fit both); new: per_total, 4/4 distinguishing totals (1 more fit both)")
        #expect(september.rounding.first?.evidence.contains("11/11 ties") == true)
        let october = try MonthlyLoader.load(scenario.configuration, store: scenario.store, month: "2026-10")
        #expect(october.aggregates.first?.groups.map(Self.describe) == [
            "currency=EUR legacy 3.00 new 3.01 difference 0.01 rounding 0.01 unexplained 0.00 days 1",
            "currency=USD legacy 99.46 new 99.45 difference -0.01 rounding -0.01 unexplained 0.00 days 1",
        ])
        try Self.contracts(scenario)
    }

    /// The contracts export of the scenario: rounding ties of both signs and parities, and totals per line on legacy.
    private static func contracts(_ scenario: ReconciliationScenario) throws {
        let export = try ContractExport.build(scenario.configuration, store: scenario.store, sample: 20)
        let rounding = try #require(export.contracts.first { $0.id == "rounding.invoice_lines.amount" })
        let ties = Set(rounding.vectors.compactMap { $0.about["tie"] })
        #expect(ties == ["positive_even", "positive_odd", "negative_even"], "\(rounding.vectors)")
        let negative = try #require(rounding.vectors.first { $0.about["unrounded"]?.hasPrefix("-1.845") == true })
        #expect(negative.legacy == ["amount": "-1.84"] && negative.new == ["amount": "-1.85"] && negative.key == ["inv_no": "2", "line_no": "1"])

        let totals = try #require(export.contracts.first { $0.id == "totals.invoices.total" })
        #expect(totals.evidence["legacy_rule"].map { "\($0)" }?.contains("per_line") == true, "\(totals.evidence)")
        #expect(totals.evidence["new_rule"].map { "\($0)" }?.contains("per_total") == true)
        #expect(totals.vectors.count == 5, "invoices 1 to 4 and 9 (only on legacy): \(totals.vectors)")
        for vector in totals.vectors {
            #expect(vector.legacy["total"] == vector.about["sum_of_amounts"], "legacy adds its rounded lines: \(vector)")
        }
        let first = try #require(totals.vectors.first)
        #expect(first.new != nil && first.inputs["line_1.amount"] != nil && first.inputs["line_1.unrounded"] != nil, "\(first)")
        #expect(export.contracts.contains { $0.id == "before_trigger.public_invoice_lines.invoice_lines_bi" })
    }

    private static func describe(_ group: MonthlyGroup) -> String {
        "\(group.groupText) legacy \(group.legacy) new \(group.new) difference \(group.difference) rounding \(group.roundingExplained) "
            + "unexplained \(group.unexplained)" + group.unexplainedByKind.map { " \($0.kind.rawValue)=\($0.amount)" }.joined()
            + " days \(group.daysWithDifferences)"
    }

    /// `day currency legacy … new … difference … bridge k=v unexplained … k=v`.
    private static func describe(_ row: AggregateGroupResult) -> String {
        let bridge = row.bridge.isEmpty ? "-" : row.bridge.sorted { $0.key < $1.key }.map { "\($0.key.rawValue)=\($0.value)" }.joined(separator: ",")
        let unexplained = row.unexplainedByKind.sorted { $0.key < $1.key }.map { " \($0.key.rawValue)=\($0.value)" }.joined()
        return "\(row.period) \(row.group["currency"]! ?? "NULL") legacy \(row.legacy?.description ?? "-") new \(row.new?.description ?? "-") "
            + "difference \(row.difference) bridge \(bridge) unexplained \(row.unexplained)\(unexplained)"
    }
}
