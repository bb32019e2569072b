import ExactNumeric
import Foundation
import ParityConfig
import ParityModel
import Reconciliation
import Testing

@Suite("Aggregates walked by cause")
struct AggregateComputerTests {
    static let mapping = TableMapping(
        name: "lines", legacy: QualifiedName(schema: "public", name: "lines"), new: QualifiedName(schema: "billing", name: "line"),
        key: KeyMapping(legacy: ["no"], new: ["id"]),
        columns: [
            ColumnMapping(legacy: "status", new: "state", map: ["O": "open", "V": "void"]),
            ColumnMapping(legacy: "day", new: "day", type: .date),
            ColumnMapping(legacy: "qty", new: "qty", type: .decimal),
            ColumnMapping(legacy: "price", new: "price", type: .decimal),
            ColumnMapping(legacy: "amount", new: "amount", type: .decimal, scale: 2, source: "qty * price"),
        ])

    private func computer(
        _ measure: AggregateMeasure = .sum("amount"), scope: AggregateScope = .balance, filter: String? = nil,
        rules: [DispositionRule] = [], tolerance: String = "0"
    ) throws -> AggregateComputer {
        try #require(AggregateComputer(
            aggregate: AggregateConfiguration(
                name: "totals", table: "lines", measure: measure, groupBy: ["status"], scope: scope,
                date: scope == .flow ? SidePair(legacy: "day", new: "day") : nil, filter: filter, tolerance: tolerance),
            mapping: Self.mapping, matcher: DispositionMatcher(rules: rules), timezone: "UTC"))
    }

    private func legacy(_ no: Int, _ status: String, _ qty: String, _ price: String, _ amount: String, day: String = "2026-10-01") -> RowImage {
        ["no": "\(no)", "status": status, "day": day, "qty": qty, "price": price, "amount": amount]
    }

    private func new(_ id: Int, _ state: String, _ qty: String, _ price: String, _ amount: String, day: String = "2026-10-01") -> RowImage {
        ["id": "\(id)", "state": state, "day": day, "qty": qty, "price": price, "amount": amount]
    }

    @Test("groups are told apart byte for byte and sorted so, NULL first, as PostgreSQL's GROUP BY and ORDER BY COLLATE \"C\" do")
    func groupsByBytes() throws {
        let precomposed = "\u{E9}", decomposed = "e\u{301}"
        var computer = try computer(.count("*"))
        for (index, status) in [precomposed, decomposed, "f", precomposed, ""].enumerated() {
            computer.add(legacy: legacy(index, status, "1", "1.00", "1.00"), new: nil)
        }
        var unknown = legacy(9, "", "1", "1.00", "1.00")
        unknown["status"] = .some(nil)
        computer.add(legacy: unknown, new: nil)
        let results = computer.results()
        #expect(results.map { $0.group["status"]!.map { Array($0.unicodeScalars) } } == [nil, "", decomposed, "f", precomposed].map {
            $0.map { Array($0.unicodeScalars) }
        })
        #expect(results.map(\.legacy) == ["1", "1", "1", "1", "2"].map { ExactDecimal($0) })
    }

    @Test("computers fed disjoint keys add up, through their partial totals' text, to the one fed every key", arguments: [
        AggregateMeasure.sum("amount"), .count("*"), .min("amount"), .max("amount"),
    ])
    func partials(_ measure: AggregateMeasure) throws {
        let pairs: [(RowImage?, RowImage?)] = [
            (legacy(1, "O", "1.5", "1.23", "1.84"), new(1, "open", "1.5", "1.23", "1.85")), (legacy(2, "O", "1", "10.00", "10.00"), nil),
            (nil, new(3, "open", "1", "2.50", "2.50")), (legacy(4, "O", "1", "5.00", "5.00"), new(4, "open", "1", "5.00", "5.50")),
            (legacy(5, "V", "1", "7.00", "7.00"), new(5, "void", "1", "7.00", "7.00")), (nil, new(6, "void", "1", "1.00", "1.00")),
        ]
        var whole = try computer(measure)
        for (legacy, new) in pairs { whole.add(legacy: legacy, new: new) }
        var reduced = try computer(measure)
        for slice in [[3, 0], [4], [], [1, 5, 2]] {
            var part = try computer(measure)
            for index in slice { part.add(legacy: pairs[index].0, new: pairs[index].1) }
            let text = try JSONEncoder().encode(part.partial)
            reduced.add(try JSONDecoder().decode(AggregateComputer.Partial.self, from: text))
        }
        #expect(reduced.results() == whole.results())
        #expect(reduced.partial == whole.partial)
    }

    @Test("min and max of equal values written with different scales give the same text whatever order the rows come in",
          arguments: [AggregateMeasure.min("amount"), .max("amount")])
    func extremesOfEqualValues(_ measure: AggregateMeasure) throws {
        let rows = [legacy(1, "O", "1", "5.0", "5.0"), legacy(2, "O", "1", "5.00", "5.00"), legacy(3, "O", "1", "5", "5")]
        var texts: Set<String> = []
        for order in [[0, 1, 2], [2, 1, 0], [1, 2, 0]] {
            var computer = try computer(measure)
            for index in order { computer.add(legacy: rows[index], new: nil) }
            texts.formUnion(computer.results().compactMap { $0.legacy?.description })
        }
        #expect(texts == ["5.00"])
    }

    @Test("a group's difference splits into rounding, unexplained missing rows and value mismatches; bridge + unexplained = difference")
    func walk() throws {
        var totals = try computer()
        totals.add(legacy: legacy(1, "O", "1.5", "1.23", "1.84"), new: new(1, "open", "1.5", "1.23", "1.85"))
        totals.add(legacy: legacy(2, "O", "1", "10.00", "10.00"), new: nil)
        totals.add(legacy: nil, new: new(3, "open", "1", "2.50", "2.50"))
        totals.add(legacy: legacy(4, "O", "1", "5.00", "5.00"), new: new(4, "open", "1", "5.00", "5.50"))
        totals.add(legacy: legacy(5, "V", "1", "7.00", "7.00"), new: new(5, "void", "1", "7.00", "7.00"))
        let results = totals.results()
        #expect(results.map(\.group) == [["status": "O"], ["status": "V"]])
        let open = results[0]
        #expect(open.legacy == ExactDecimal("16.84") && open.new == ExactDecimal("9.85"))
        #expect(open.difference == ExactDecimal("-6.99"))
        #expect(open.bridge == [.finding(.rounding): ExactDecimal("0.01")!])
        #expect(open.roundingExplained == ExactDecimal("0.01"))
        #expect(open.unexplained == ExactDecimal("-7.00"))
        #expect(open.unexplainedByKind == [
            .finding(.missingInNew): ExactDecimal("-10.00")!, .finding(.missingInLegacy): ExactDecimal("2.50")!, .finding(.valueMismatch): ExactDecimal("0.50")!,
        ])
        #expect(open.residual.isZero && !open.withinTolerance)
        #expect(results[1].difference.isZero && results[1].withinTolerance)
    }

    @Test("a disposition that calls a kind intended moves its amount into the bridge")
    func dispositioned() throws {
        let rule = DispositionRule(table: .mapping("lines"), kind: .missingInNew, disposition: .legacyBug)
        var totals = try computer(rules: [rule])
        totals.add(legacy: legacy(2, "O", "1", "10.00", "10.00"), new: nil)
        let result = try #require(totals.results().first)
        #expect(result.bridge == [.finding(.missingInNew): ExactDecimal("-10.00")!] && result.unexplained.isZero)
    }

    @Test("a row whose group differs counts as a value mismatch on both groups; the filter applies to each side in legacy terms")
    func regroupAndFilter() throws {
        var totals = try computer(filter: "status <> 'V'")
        totals.add(legacy: legacy(1, "O", "1", "3.00", "3.00"), new: new(1, "void", "1", "3.00", "3.00"))
        let results = totals.results()
        #expect(results.map(\.group) == [["status": "O"]])
        #expect(results[0].unexplainedByKind == [.finding(.valueMismatch): ExactDecimal("-3.00")!])
    }

    @Test("flows split by business day; count and max are computed, only additive measures are walked")
    func flowsAndMeasures() throws {
        var flow = try computer(scope: .flow)
        flow.add(legacy: legacy(1, "O", "1", "1.00", "1.00", day: "2026-09-30"), new: new(1, "open", "1", "1.00", "1.00", day: "2026-10-01"))
        #expect(flow.results().map { "\($0.period) \($0.legacy?.description ?? "-") \($0.new?.description ?? "-")" }
                    == ["2026-09-30 1.00 -", "2026-10-01 - 1.00"])
        var count = try computer(.count("*"))
        count.add(legacy: legacy(1, "O", "1", "1.00", "1.00"), new: nil)
        #expect(count.results().first?.unexplainedByKind == [.finding(.missingInNew): ExactDecimal(-1)])
        var max = try computer(.max("amount"))
        max.add(legacy: legacy(1, "O", "1", "1.00", "1.00"), new: new(1, "open", "1", "1.00", "2.00"))
        max.add(legacy: legacy(2, "O", "1", "3.00", "3.00"), new: nil)
        let result = try #require(max.results().first)
        #expect(result.legacy == ExactDecimal(3) && result.new == ExactDecimal(2) && result.bridge.isEmpty && result.unexplainedByKind.isEmpty)
    }

    @Test("a legacy summary table stands in for the legacy rows; its disagreement with them is unexplained as legacy_summary")
    func summary() throws {
        var totals = try computer(scope: .flow)
        totals.add(legacy: legacy(1, "O", "1.5", "1.23", "1.84"), new: new(1, "open", "1.5", "1.23", "1.85"))
        totals.add(legacy: legacy(2, "O", "1", "2.00", "2.00"), new: new(2, "open", "1", "2.00", "2.00"))
        let summaryRows = [
            LegacySummaryRow(group: ["O"], date: "2026-10-01", value: "3.80"),
            LegacySummaryRow(group: ["V"], date: "2026-10-02", value: "1.00"),
        ]
        totals.compare(withSummary: summaryRows)
        let results = totals.results()
        #expect(results.map(\.period) == summaryRows.map(\.date), "one result per summary day, in day order")
        #expect(results.map { $0.groupValues(["status"]) } == summaryRows.map(\.group))
        let open = results[0]
        #expect(open.legacy == ExactDecimal("3.80") && open.new == ExactDecimal("3.85"))
        #expect(open.bridge == [.finding(.rounding): ExactDecimal("0.01")!])
        #expect(open.unexplainedByKind == [.legacySummary: ExactDecimal("0.04")!] && open.unexplained == ExactDecimal("0.04"))
        #expect(results[1].legacy == ExactDecimal("1.00") && results[1].new == nil && results[1].unexplained == ExactDecimal("-1.00"))
        #expect(results[1].unexplainedByKind == [.legacySummary: ExactDecimal("-1.00")!])
    }
}
