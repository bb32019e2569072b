import ExactNumeric
import Foundation
import ParityConfig
import ParityEngine
import ParityModel
import ParityStore
import Reconciliation
import Reports
import Testing

/// Issue 28, items 3 and 4 on real clusters: per-column statistics equal what SQL counts on the two databases, and a
/// column each side stamps with its own `now()` is suggested as noise after three cycles, not before.
@Suite("Column statistics and noise suggestions")
struct ColumnStatisticsScenarioTests {
    /// 40 baseline rows: `state` differs where id % 5 = 0 (NULL vs 'ok' where id % 11 = 0), `amount` by 0.03 × id where
    /// id % 7 = 0; `stamped_at` is equal (written, not defaulted).
    static let legacySchema = """
        CREATE TABLE ledger (id int PRIMARY KEY, status text, amount numeric(12,2), stamped_at timestamptz DEFAULT now());
        CREATE TABLE heap_log (id bigint, what text);
        INSERT INTO ledger SELECT i, CASE WHEN i % 11 = 0 THEN NULL ELSE 'ok' END, i * 1.25, '2026-01-01 00:00+00'
          FROM generate_series(1, 40) i;
        """
    static let newSchema = """
        CREATE TABLE entries (id int PRIMARY KEY, state text, amount numeric(12,2), stamped_at timestamptz DEFAULT now());
        CREATE TABLE heap_log (id bigint, what text);
        INSERT INTO entries SELECT i, CASE WHEN i % 5 = 0 THEN 'bad' ELSE 'ok' END,
                                   i * 1.25 + CASE WHEN i % 7 = 0 THEN 0.03 * i ELSE 0 END, '2026-01-01 00:00+00'
          FROM generate_series(1, 40) i;
        """
    static let tables = """
          - name: ledger
            legacy: public.ledger
            new: public.entries
            key: { legacy: [id], new: [id] }
            columns:
              - { legacy: status, new: state }
              - { legacy: amount, new: amount, type: decimal }
              - { legacy: stamped_at, new: stamped_at, type: timestamptz }
        """

    /// What SQL counts over the rows with ids in `ids` of both databases (joined through dblink).
    struct Counted: Equatable, CustomStringConvertible {
        var compared, matched, paired, status, amount, stamped: Int
        var amountLargest, stampedLargest: ExactDecimal?

        var description: String {
            "compared \(compared) matched \(matched) paired \(paired) status \(status) amount \(amount) (\(amountLargest?.description ?? "-"))"
                + " stamped \(stamped) (\(stampedLargest?.description ?? "-"))"
        }

        init(compared: Int, matched: Int, paired: Int, status: Int, amount: Int, stamped: Int, amountLargest: ExactDecimal?, stampedLargest: ExactDecimal?) {
            (self.compared, self.matched, self.paired) = (compared, matched, paired)
            (self.status, self.amount, self.stamped, self.amountLargest, self.stampedLargest) = (status, amount, stamped, amountLargest, stampedLargest)
        }

        /// The close's statistics in the same shape.
        init(_ statistics: MappingStatistics) {
            let columns = statistics.columns
            self.init(
                compared: statistics.compared, matched: statistics.matched, paired: statistics.paired, status: columns[0].mismatched,
                amount: columns[1].mismatched, stamped: columns[2].mismatched, amountLargest: columns[1].largestDifference,
                stampedLargest: columns[2].largestDifference)
        }
    }

    private static func counted(_ scenario: ReconciliationScenario, ids: ClosedRange<Int>) throws -> Counted {
        let connection = try scenario.legacy.connect(database: "postgres")
        defer { connection.close() }
        let legacy = scenario.legacy.dsn(database: "legacy")
        let new = scenario.new.dsn(database: "modern")
        let row = try connection.query("""
            WITH l AS (SELECT * FROM dblink(\(legacy)::text, 'SELECT id, status, amount, stamped_at FROM ledger')
                         AS t (id int, status text, amount numeric, stamped_at timestamptz)),
                 n AS (SELECT * FROM dblink(\(new)::text, 'SELECT id, state, amount, stamped_at FROM entries')
                         AS t (id int, state text, amount numeric, stamped_at timestamptz)),
                 j AS (SELECT coalesce(l.id, n.id) AS id, l.id IS NOT NULL AND n.id IS NOT NULL AS paired,
                              l.status IS DISTINCT FROM n.state AS status, l.amount IS DISTINCT FROM n.amount AS amount,
                              l.stamped_at IS DISTINCT FROM n.stamped_at AS stamped, abs(l.amount - n.amount) AS amount_off,
                              abs(extract(epoch FROM l.stamped_at - n.stamped_at)) AS stamped_off
                         FROM l FULL JOIN n ON l.id = n.id)
            SELECT count(*) AS compared, count(*) FILTER (WHERE paired AND NOT (status OR amount OR stamped)) AS matched,
                   count(*) FILTER (WHERE paired) AS paired, count(*) FILTER (WHERE paired AND status) AS status,
                   count(*) FILTER (WHERE paired AND amount) AS amount, count(*) FILTER (WHERE paired AND stamped) AS stamped,
                   max(amount_off) FILTER (WHERE amount_off > 0) AS amount_largest,
                   max(stamped_off) FILTER (WHERE stamped_off > 0) AS stamped_largest
              FROM j WHERE id BETWEEN \(ids.lowerBound)::int AND \(ids.upperBound)::int
            """).singleRow()
        let count = { (name: String) in Int(row[name] ?? "") ?? -1 }
        return Counted(
            compared: count("compared"), matched: count("matched"), paired: count("paired"), status: count("status"),
            amount: count("amount"), stamped: count("stamped"), amountLargest: row["amount_largest"].flatMap { ExactDecimal($0) },
            stampedLargest: row["stamped_largest"].flatMap { ExactDecimal($0) })
    }

    @Test("statistics of the baseline, of three cycles of shadow writes and cumulatively equal SQL counts; now() is noise after the third")
    func statisticsAndNoise() throws {
        let scenario = try ReconciliationScenario(legacySchema: Self.legacySchema, newSchema: Self.newSchema, tables: Self.tables)
        defer { scenario.stop() }
        try scenario.legacy.run("CREATE EXTENSION dblink")
        let session = try scenario.startCapture()
        defer { session.stop() }
        let calendar = try #require(CycleCalendar(scenario.configuration.cycle))

        // Three windows of 12 rows each side writes in its own transaction, `stamped_at` defaulting to each side's now();
        // the first row's state and the second's amount differ; the first window also has a row only legacy has.
        var windows: [CycleWindow] = []
        for index in 0..<3 {
            let window = try CycleClock.waitForWindow(calendar, offset: 0.2...1.5, window: windows.last.map(calendar.window(after:)))
            windows.append(window)
            let base = 100 * (index + 1)
            let onlyLegacy = index == 0 ? "INSERT INTO ledger (id, status, amount) VALUES (\(base + 13), 'ok', 1.00);" : ""
            try scenario.write(
                legacy: "INSERT INTO ledger (id, status, amount) SELECT \(base) + i, 'ok', i * 2.50 FROM generate_series(1, 12) i; \(onlyLegacy)",
                new: """
                    INSERT INTO entries (id, state, amount) SELECT \(base) + i, CASE WHEN i = 1 THEN 'bad' ELSE 'ok' END,
                                                            i * 2.50 + CASE WHEN i = 2 THEN 0.07 * \(index + 1) ELSE 0 END
                      FROM generate_series(1, 12) i
                    """)
        }
        try scenario.closeThrough(windows[2], session: session)
        let cycles = try scenario.store.cycles()
        let ids = try windows.map { window in try #require(cycles.first { $0.label == window.label }).id }

        let baseline = try EndOfDayLoader.load(scenario.configuration, store: scenario.store, cycle: 0)
        let baselineStatistics = try #require(baseline.columnStatistics.first?.cycle)
        #expect(Counted(baselineStatistics) == (try Self.counted(scenario, ids: 1...40)))
        var reports: [EndOfDayReport] = []
        for (index, id) in ids.enumerated() {
            let report = try EndOfDayLoader.load(scenario.configuration, store: scenario.store, cycle: id)
            let own = try #require(report.columnStatistics.first?.cycle)
            let base = 100 * (index + 1)
            #expect(Counted(own) == (try Self.counted(scenario, ids: base...(base + 99))), "cycle \(id)")
            reports.append(report)
        }
        // Every key was compared once (no row changed twice, no rule changed): the sum over the cycles is SQL over everything.
        let cumulative = try #require(reports.last?.columnStatistics.first?.cumulative)
        #expect(Counted(cumulative) == (try Self.counted(scenario, ids: 1...1000)))
        #expect(cumulative.cycles == ids[2] + 1)

        // The baseline's equal stamps break the run: not after the first or second cycle of now(), only after the third.
        #expect(reports[0].noiseSuggestions.isEmpty && reports[1].noiseSuggestions.isEmpty)
        let suggestion = try #require(reports[2].noiseSuggestions.first)
        #expect(reports[2].noiseSuggestions.count == 1)
        #expect(suggestion.column == "stamped_at" && suggestion.cycles == ids && suggestion.lowestShare == "1.000000")
        #expect(suggestion.ignore == "ignore: { legacy: [stamped_at], new: [stamped_at] }")
        #expect(suggestion.tolerance?.hasPrefix("tolerance: ") == true)
        let text = EndOfDayRenderer.render(reports[2], format: .text)
        #expect(text.contains("noise suggestions") && text.contains("ignore: { legacy: [stamped_at], new: [stamped_at] }"), "\(text)")
    }
}
