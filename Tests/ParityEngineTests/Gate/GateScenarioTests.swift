import Foundation
import ParityConfig
import ParityEngine
import ParityTestSupport
import Reconciliation
import Testing

/// The gate over store states built by real 6-second cycles: one scenario run, evaluated under several rule sets
/// (each criterion passing, then failing), then through the built binary for the exit codes and the history.
@Suite("parity gate over real cycles")
struct GateScenarioTests {
    typealias Rules = GateScenario.Rules

    @Test("each criterion passes and fails on real cycles; exit codes 0/1/2/3 and --history through the binary")
    func criteriaAndExitCodes() throws {
        let scenario = try GateScenario.run()
        defer { scenario.stop() }
        try criteriaPass(scenario)
        try criteriaFail(scenario)
        try commandLine(scenario)
        try legacyUnreadable(scenario)
    }

    /// legacy_quiet cannot rule out outbound integrations without legacy's catalog: not evaluated, legacy listed unreachable.
    private func legacyUnreadable(_ scenario: GateScenario) throws {
        scenario.base.legacy.stop()
        let report = try scenario.evaluate(Rules(gate: "cycles: 2, legacy_quiet_cycles: 1"))
        let quiet = try #require(report.criterion(.legacyQuiet))
        #expect(quiet.result == .notEvaluated)
        #expect(quiet.evidence.hasPrefix("legacy's catalog cannot be read (cannot take the inventory: "))
        #expect(quiet.evidence.hasSuffix("): outbound integrations and consumers not checked"))
        // The trigger commandLine added is still undocumented: that failure wins over what could not be evaluated (exit 1).
        #expect(report.unreachableSources.first == .legacy && report.exitCode == 1)
    }

    /// Both findings disposed of, the aggregate's tolerance covering the missing invoice, legacy quiet in the last cycle.
    private func criteriaPass(_ scenario: GateScenario) throws {
        let report = try scenario.evaluate(Rules(gate: "cycles: 2, legacy_quiet_cycles: 1"))
        let window = try #require(report.window)
        #expect(window.lastCycleID - window.firstCycleID == 1 && window.firstCycleID > 0, "the baseline is never in the window")
        // `contracts` is judged only under gate.require_contracts_export (GateContractsTests, ContractsExportTests), `scope` only
        // for a mapping with a cutover scope (GateScopeTests, CutoverScopeScenarioTests).
        for name in GateCriterion.Name.allCases where name != .contracts && name != .scope {
            #expect(report.criterion(name)?.result == .pass, "\(name): \(String(describing: report.criterion(name)))")
        }
        #expect(report.criterion(.aggregates)?.evidence.contains(scenario.month) == true, "\(String(describing: report.criterion(.aggregates)))")
        #expect(report.result == .pass && report.exitCode == 0 && report.configHash.hasPrefix("sha256:"))

        // Finance sees which unresolved rows dated in the month make up the unexplained part: none once both are explained,
        // both while neither is.
        let explained = try MonthlyLoader.load(try scenario.config(Rules()).configuration, store: scenario.base.store, month: scenario.month)
        #expect(explained.openDifferences.isEmpty)
        let undecided = try scenario.config(Rules(dispositions: [])).configuration
        let monthly = try MonthlyLoader.load(undecided, store: scenario.base.store, month: scenario.month)
        #expect(monthly.openDifferences.map { "\($0.aggregate) \($0.day) \($0.item.keyText) \($0.item.kind)" } == [
            "invoice_totals \(scenario.month)-06 inv_no=2 value_mismatch", "invoice_totals \(scenario.month)-07 inv_no=3 missing_in_new",
        ])
    }

    /// The same store under stricter rules: every criterion fails with its evidence.
    private func criteriaFail(_ scenario: GateScenario) throws {
        let strict = try scenario.evaluate(Rules(dispositions: [], tolerance: "0.00", gate: "cycles: 2, legacy_quiet_cycles: 2, max_lag: 1s"))
        let dataCycle = try #require(strict.window).firstCycleID

        let unexplained = try #require(strict.criterion(.unexplainedDiffs))
        #expect(unexplained.result == .fail && unexplained.details.contains { $0.hasSuffix("0.666667 > 0") }, "\(unexplained)")
        // Both differences are still open, whatever the window: the ledger names them first.
        #expect(unexplained.details.prefix(3) == [
            "2 open unexplained difference(s) > gate.max_open_unexplained 0, oldest first:",
            "invoices {inv_no=2} total value_mismatch, open since cycle \(dataCycle) (\(strict.window!.firstLabel))",
            "invoices {inv_no=3} missing_in_new, open since cycle \(dataCycle) (\(strict.window!.firstLabel))",
        ], "\(unexplained.details)")
        #expect(unexplained.command == "parity report open")

        let dispositions = try #require(strict.criterion(.dispositions))
        #expect(dispositions.result == .fail)
        #expect(Set(dispositions.details) == ["invoices.total value_mismatch: no disposition", "invoices missing_in_new: no disposition"])

        let aggregates = try #require(strict.criterion(.aggregates))
        #expect(aggregates.result == .fail && aggregates.details.first?.hasPrefix("invoice_totals: ") == true, "\(aggregates)")
        #expect(aggregates.details.first?.contains("currency=EUR: legacy 15.00 new 10.00") == true, "the invoice only legacy has")

        let quiet = try #require(strict.criterion(.legacyQuiet))
        #expect(quiet.result == .fail && quiet.details == ["cycle \(dataCycle) (\(strict.window!.firstLabel)): public.invoices 3 row(s)"])

        // A client nobody listed in gate.allowed_clients keeps legacy from being quiet, named with its kind of statements.
        let unlisted = try #require(try scenario.evaluate(Rules(gate: "cycles: 2, legacy_quiet_cycles: 1", allowedClients: ["parity-tests"]))
            .criterion(.legacyQuiet))
        #expect(unlisted.result == .fail && unlisted.details.contains { $0.hasPrefix("client ") && $0.contains("billing-export") },
                "\(unlisted)")

        // Evaluated a minute later with both sources idle: the watermarks trail that moment by more than a second.
        let lagging = try scenario.evaluate(Rules(gate: "cycles: 2, max_lag: 1s"), now: Date().addingTimeInterval(60))
        let health = try #require(lagging.criterion(.captureHealth))
        #expect(health.result == .fail && health.details.contains { $0.contains(": lag ") && $0.hasSuffix("> 1s") }, "\(health)")

        // A mapping in the config that was never initialized (no init --add): named, whatever the cycles compared.
        var unmapped = try scenario.config(Rules()).configuration
        unmapped.tables.append(unmapped.tables[0])
        unmapped.tables[1].name = "credit_notes"
        let coverage = GateEvaluator.evaluate(try GateLoader.load(unmapped, store: scenario.base.store), configuration: unmapped.gate)
            .criterion(.coverage)
        #expect(coverage?.result == .fail && coverage?.details == ["mapping credit_notes is not initialized: compared in no cycle"],
                "\(String(describing: coverage))")
        #expect(strict.result == .fail && strict.exitCode == 1)

        // Too few cycles, or none before the as-of day: not evaluated.
        let closed = try scenario.base.store.cycles().count - 1
        #expect(try scenario.evaluate(Rules(gate: "cycles: 5")).criterion(.coverage)?.evidence.hasPrefix("\(closed) of 5") == true)
        let before = try scenario.evaluate(Rules(), asOf: "2026-01-01")
        #expect(before.window == nil && before.result == .notEvaluated && before.exitCode == 2)
    }

    /// The built binary: exit 0, 1, 2, 1 once a new undocumented trigger appears on legacy, then 3 with the new cluster
    /// stopped; each run recorded and listed by --history.
    private func commandLine(_ scenario: GateScenario) throws {
        let passing = try scenario.config(Rules())
        let strict = try scenario.config(Rules(dispositions: []))
        let pass = try ParityBinary.run(["gate", "--config", passing.path])
        #expect(pass.status == 0 && pass.output.contains("gate: PASS (exit 0)"), "\(pass.output)")
        let fail = try ParityBinary.run(["gate", "--config", strict.path, "--format", "json"])
        #expect(fail.status == 1 && fail.output.contains(#""schema" : "parity.gate/1""#) && fail.output.contains(#""result" : "fail""#))
        let short = try ParityBinary.run(["gate", "--config", passing.path, "--cycles", "5"])
        #expect(short.status == 2 && short.output.contains("of 5 required closed cycles"), "\(short.output)")
        // --date as report eod names the day; --as-of stays the same option.
        let malformed = try ParityBinary.run(["gate", "--config", passing.path, "--date", "21-11-2026"])
        #expect(malformed.status == 2 && malformed.output.contains("give --date as YYYY-MM-DD"), "\(malformed.output)")
        let legacyName = try ParityBinary.run(["gate", "--config", passing.path, "--as-of", "21-11-2026"])
        #expect(legacyName.status == 2 && legacyName.output.contains("YYYY-MM-DD"))

        // A new undocumented trigger on legacy: the next cycle's inventory has it, and the gate fails naming it.
        try scenario.base.legacy.run("""
            CREATE FUNCTION touch_invoice() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
            CREATE TRIGGER invoices_touch BEFORE UPDATE ON invoices FOR EACH ROW EXECUTE FUNCTION touch_invoice();
            """, database: "legacy")
        let calendar = try #require(CycleCalendar(scenario.base.configuration.cycle))
        try CycleClock.closeThrough(
            calendar.window(containing: Date()), configuration: scenario.base.configuration, store: scenario.base.store,
            session: scenario.session
        ) {
            try scenario.base.write(legacy: "INSERT INTO quiet.tick VALUES (0)", new: "INSERT INTO heap_log VALUES (0, 'tick')")
        }
        let hidden = try ParityBinary.run(["gate", "--config", passing.path])
        #expect(hidden.status == 1, "\(hidden.output)")
        #expect(hidden.output.contains("undocumented: trigger invoices_touch on public.invoices"), "\(hidden.output)")
        #expect(hidden.output.contains("inventory change: added trigger invoices_touch on public.invoices"), "\(hidden.output)")

        // Documented, the trigger no longer holds the gate; with the new database stopped the gate cannot be evaluated.
        var reviewed = Rules()
        reviewed.hiddenState = reviewed.hiddenState.replacingOccurrences(
            of: "  ignore_tables:",
            with: "    - { kind: trigger, name: invoices_touch, table: public.invoices, disposition: accepted, note: reviewed }\n  ignore_tables:")
        let documented = try scenario.config(reviewed)
        scenario.session.stop()
        scenario.base.new.stop()
        let unreachable = try ParityBinary.run(["gate", "--config", documented.path, "--format", "json"])
        #expect(unreachable.status == 3 && unreachable.output.contains(#""unreachable_sources" : ["#), "\(unreachable.output)")

        let history = try ParityBinary.run(["gate", "--history", "--config", passing.path, "--format", "json"])
        #expect(history.status == 0 && history.output.contains(#""schema" : "parity.gate-history/1""#))
        let document = try #require(try JSONSerialization.jsonObject(with: Data(history.output.utf8)) as? [String: Any])
        let evaluations = try #require(document["evaluations"] as? [[String: Any]])
        #expect(evaluations.map { $0["exit_code"] as? Int } == [0, 1, 2, 1, 3])
        #expect(evaluations.map { $0["result"] as? String } == ["pass", "fail", "not_evaluated", "fail", "not_evaluated"])
        let hashes = evaluations.compactMap { $0["config_hash"] as? String }
        try #require(hashes.count == 5, "one recorded evaluation per run: \(hashes)")
        #expect(hashes[4] == documented.configuration.digest)
        #expect(hashes[0] == passing.configuration.digest && hashes[1] == strict.configuration.digest)
        // Anyone holding the file reproduces the hash.
        let sum = try CommandRunner.run(["sha256sum", passing.path]).output.split(separator: " ").first.map(String.init)
        #expect(hashes[0] == "sha256:" + (sum ?? "?"), "\(hashes[0]) vs sha256sum \(sum ?? "")")
        #expect(hashes[0] != hashes[1] && evaluations.allSatisfy { ($0["evaluated_by"] as? String)?.contains("@") == true })
        let text = try ParityBinary.run(["gate", "--history", "--config", passing.path])
        #expect(text.status == 0 && text.output.contains("NOT EVALUATED") && text.output.contains(hashes[0]))
    }
}
