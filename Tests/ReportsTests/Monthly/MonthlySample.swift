import ExactNumeric
import Foundation
import Reconciliation

/// A realistic monthly close for format tests and the README screenshot: two aggregates, 30 days of rounding drift,
/// one unexplained step, a re-keyed invoice, a forced and a missing cycle.
enum MonthlySample {
    static let labels = (1...30).map { String(format: "2026-11-%02d", $0) }

    static func report() -> MonthlyReport {
        var report = MonthlyReport(
            month: "2026-11", generatedAt: Date(timeIntervalSince1970: 1_796_112_000), aggregates: [revenue(), balances()],
            rounding: [
                .init(table: "invoices", column: "total", legacyMode: "half_up", newMode: "half_even",
                      evidence: "318 ties in 30 cycles: legacy agrees with half_up 318/318, new with half_even 318/318"),
                .init(table: "invoice_lines", column: "tax", legacyMode: "half_up", newMode: "half_up",
                      evidence: "41 ties: both half_up 41/41"),
            ],
            categories: [
                .init(table: "invoices", column: "total", kind: .rounding, findings: 318, disposition: .intentionalChange,
                      note: "new system rounds half-even (finance memo 2026-07)"),
                .init(table: "invoices", column: nil, kind: .missingInNew, findings: 1, disposition: .intentionalChange,
                      note: "invoice re-keyed on migration"),
                .init(table: "accounts", column: "balance", kind: .valueMismatch, findings: 1, disposition: .legacyBug,
                      note: "legacy double-applied a fee"),
                .init(table: "invoices", column: "total", kind: .valueMismatch, findings: 3, disposition: nil, note: nil),
            ],
            cycles: labels.enumerated().map { index, label in
                .init(label: label, status: index == 13 ? .forced : index == 22 ? .missing : .closed)
            },
            signOff: .init(preparedBy: "A. Controller", preparedAt: Date(timeIntervalSince1970: 1_796_115_600), reviewedBy: nil))
        report.timeZone = "Europe/Berlin"
        report.openDifferences = [
            .init(aggregate: "revenue_by_region", day: "2026-11-18", item: .init(
                mapping: "invoices", key: ["inv_no": "1017"], column: "total", kind: .valueMismatch, legacy: "120.00", new: "120.75",
                disposition: nil, attributedTo: nil), firstSeen: 18),
        ]
        return report
    }

    /// Per day: one cent of rounding most days, none every fifth, two cents every seventh.
    private static let dailyRounding: [ExactDecimal] = (1...30).map { $0 % 5 == 0 ? ExactDecimal("0.00")! : $0 % 7 == 0 ? ExactDecimal("0.02")! : ExactDecimal("0.01")! }

    private static func revenue() -> MonthlyAggregate {
        let rounding = dailyRounding.reduce(ExactDecimal.zero, +)
        let euRounding = rounding - ExactDecimal("0.09")! - ExactDecimal("0.04")!
        let groups = [
            MonthlyGroup.walking(
                group: [.init(name: "region", value: "EU")], legacy: "1284310.55", new: (ExactDecimal("1284310.55")! + euRounding + ExactDecimal("0.75")!).description,
                bridge: [.init(kind: .finding(.rounding), amount: euRounding.description)], daysWithDifferences: 27, tolerance: "0.25")!,
            MonthlyGroup.walking(
                group: [.init(name: "region", value: "US")], legacy: "902118.40", new: "902118.49",
                bridge: [.init(kind: .finding(.rounding), amount: "0.09")], daysWithDifferences: 9, tolerance: "0.25")!,
            MonthlyGroup.walking(
                group: [.init(name: "region", value: "APAC")], legacy: "310004.10", new: "310004.14",
                bridge: [.init(kind: .finding(.missingInNew), amount: "-35.00"), .init(kind: .finding(.missingInLegacy), amount: "35.00"),
                         .init(kind: .finding(.rounding), amount: "0.04")], daysWithDifferences: 5, tolerance: "0.25")!,
        ]
        let daily = zip(labels, dailyRounding).enumerated().map { index, day in
            MonthlyAggregate.DailyDrift(label: day.0, explained: day.1.description, unexplained: index == 17 ? "0.75" : "0.00")
        }
        var aggregate = MonthlyAggregate(
            name: "revenue_by_region", table: "invoices", measure: "sum(total)", scope: .flow, tolerance: "0.25", groups: groups, daily: daily)
        aggregate.filter = "status <> 'void'"
        return aggregate
    }

    private static func balances() -> MonthlyAggregate {
        let groups = [
            MonthlyGroup.walking(
                group: [.init(name: "status", value: "active"), .init(name: "currency", value: "EUR")], legacy: "5120339.20",
                new: "5120336.70", bridge: [.init(kind: .finding(.valueMismatch), amount: "-2.50")], daysWithDifferences: 26, tolerance: "0")!,
            MonthlyGroup.walking(
                group: [.init(name: "status", value: "active"), .init(name: "currency", value: "USD")], legacy: "880412.00",
                new: "880413.00", bridge: [], daysWithDifferences: 3, tolerance: "0")!,
            MonthlyGroup.walking(
                group: [.init(name: "status", value: "closed"), .init(name: "currency", value: nil)], legacy: "0.00", new: "0.00",
                bridge: [], daysWithDifferences: 0, tolerance: "0")!,
        ]
        let euro = labels.enumerated().map { index, label in
            MonthlyAggregate.DailyDrift(label: label, explained: index == 4 ? "-2.50" : "0.00", unexplained: "0.00")
        }
        let dollar = labels.enumerated().map { index, label in
            MonthlyAggregate.DailyDrift(label: label, explained: "0.00", unexplained: index == 20 ? "1.00" : "0.00")
        }
        // Summed over every group, as parity.monthly/1's `daily` is (mixing currencies, which the chart never draws).
        let daily = zip(euro, dollar).map { eur, usd in
            MonthlyAggregate.DailyDrift(label: eur.label, explained: eur.explained, unexplained: usd.unexplained)
        }
        var aggregate = MonthlyAggregate(
            name: "open_balance_by_status", table: "accounts", measure: "sum(balance)", scope: .balance, tolerance: "0", groups: groups, daily: daily)
        aggregate.unit = "currency"
        aggregate.dailyByUnit = [.init(unit: "EUR", daily: euro), .init(unit: "USD", daily: dollar)]
        aggregate.legacySummary = "public.balance_snapshot.balance"
        return aggregate
    }
}
