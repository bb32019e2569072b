import Foundation
import ParityConfig
import ParityModel
import Reconciliation
import Testing

@Suite("Gate evaluator: each criterion passing and failing, overall result and exit code")
struct GateEvaluatorTests {
    private let configuration = GateConfiguration(cycles: 3, maxUnexplainedRate: "0.001", maxLag: .seconds(300), staleAfterCycles: 30)

    private func cycle(_ id: Int64, rate: String = "0.000000", status: CycleStatus = .closed,
                       mappings: [String] = ["orders", "lines"]) -> GateInput.Cycle {
        GateInput.Cycle(
            id: id, label: "2026-11-\(String(format: "%02d", Int(id) + 10))", status: status, mappingsCompared: mappings, unexplainedRate: rate,
            categories: [.init(table: "orders", column: "total", kind: .rounding, disposition: .intentionalChange)])
    }

    /// Three clean cycles and every input available and clean.
    private func passing() -> GateInput {
        GateInput(
            cycles: [cycle(1), cycle(2), cycle(3)], mappings: ["orders", "lines"], staleDispositions: [],
            expectedLabels: ["2026-11-11", "2026-11-12", "2026-11-13"],
            lastMonth: .init(month: "2026-10", aggregates: [.init(name: "revenue", groupsOutOfTolerance: 0)]),
            hiddenState: .init(undocumented: [], unmappedTriggerMaintained: [], unmappedWrites: [], uncoveredBlindSpots: [], inventoryChanges: []),
            legacyWrites: [.init(cycleID: 1, tables: [.init(table: "public.orders", rows: 4)]), .init(cycleID: 3, tables: [])],
            verification: .init(lastSources: .init(checkedAt: Date(timeIntervalSince1970: 1_794_900_000), passed: true, problems: 0,
                                                   sources: [.legacy, .new])),
            capture: [.init(source: .legacy, health: .init(slotPresent: true, lagSeconds: 2)),
                      .init(source: .new, health: .init(slotPresent: true, lagSeconds: nil))],
            evaluatedAt: Date(timeIntervalSince1970: 1_795_000_000), asOf: Date(timeIntervalSince1970: 1_794_990_000), configHash: "sha256:abc")
    }

    private func criterion(_ name: GateCriterion.Name, _ input: GateInput, _ configuration: GateConfiguration? = nil) -> GateCriterion? {
        GateEvaluator.evaluate(input, configuration: configuration ?? self.configuration).criteria.first { $0.name == name }
    }

    @Test("all clean: every criterion passes, overall pass, exit 0, window over the last N cycles")
    func allPass() {
        var input = passing()
        input.cycles.insert(cycle(0, rate: "0.5"), at: 0)
        let report = GateEvaluator.evaluate(input, configuration: configuration)
        #expect(report.criteria.map(\.name) == [
            .coverage, .unexplainedDiffs, .dispositions, .aggregates, .hiddenState, .verification, .captureHealth,
        ])
        #expect(report.criteria.allSatisfy { $0.result == .pass && $0.details.isEmpty }, "\(report.criteria)")
        #expect(report.result == .pass && report.exitCode == 0)
        #expect(report.window == .init(firstCycleID: 1, firstLabel: "2026-11-11", lastCycleID: 3, lastLabel: "2026-11-13"))
        #expect(report.configHash == "sha256:abc" && report.unreachableSources.isEmpty)
    }

    @Test("coverage: fewer than N cycles is not evaluated (exit 2); a forced close, a gap or a skipped mapping fails")
    func coverage() {
        var input = passing()
        input.cycles.removeFirst()
        let short = GateEvaluator.evaluate(input, configuration: configuration)
        #expect(short.criteria[0].result == .notEvaluated && short.criteria[0].evidence.contains("2 of 3"))
        #expect(short.result == .notEvaluated && short.exitCode == 2)

        input = passing()
        input.cycles[1] = cycle(2, status: .forced)
        let forced = criterion(.coverage, input)
        #expect(forced?.result == .fail && forced?.details == ["cycle 2 (2026-11-12) was closed with --force"])
        #expect(forced?.command == "parity report eod --cycle 2")

        input = passing()
        input.cycles[2] = cycle(4)
        input.expectedLabels = ["2026-11-11", "2026-11-12", "2026-11-13", "2026-11-14"]
        #expect(criterion(.coverage, input)?.details == [
            "gap: no cycle between cycle 2 (2026-11-12) and cycle 4 (2026-11-14)", "business day 2026-11-13 has no closed cycle",
        ])

        input = passing()
        input.cycles[0] = cycle(1, mappings: ["orders"])
        #expect(criterion(.coverage, input)?.details == ["cycle 1 (2026-11-11) did not compare lines"])
        #expect(GateEvaluator.evaluate(input, configuration: configuration).exitCode == 1)

        // A mapping in the config that init never copied (added later, no init --add) fails by name, even with the cycles it had.
        input = passing()
        input.mappings.append("customers")
        input.uninitializedMappings = ["customers"]
        let uninitialized = criterion(.coverage, input)
        #expect(uninitialized?.result == .fail && uninitialized?.evidence == "customers not initialized")
        #expect(uninitialized?.details == ["mapping customers is not initialized: compared in no cycle"])
        #expect(uninitialized?.command == "parity init --add customers")
    }

    @Test("unexplained_diffs: passes at the threshold, fails above it with the cycle named")
    func unexplainedDiffs() {
        var input = passing()
        input.cycles[1] = cycle(2, rate: "0.001000")
        #expect(criterion(.unexplainedDiffs, input)?.result == .pass)
        input.cycles[2] = cycle(3, rate: "0.001001")
        let failing = criterion(.unexplainedDiffs, input)
        #expect(failing?.result == .fail && failing?.details == ["cycle 3 (2026-11-13): 0.001001 > 0.001"])
        #expect(failing?.command == "parity report eod --cycle 3")
    }

    @Test("dispositions: an undispositioned category, an open match finding or a stale rule fails")
    func dispositions() {
        #expect(criterion(.dispositions, passing())?.result == .pass)
        var input = passing()
        input.cycles[2].categories.append(.init(table: "lines", column: nil, kind: .missingInNew, disposition: nil))
        #expect(criterion(.dispositions, input)?.details == ["lines missing_in_new: no disposition"])

        input = passing()
        input.cycles[1].openMatchFindings = 2
        input.cycles[1].firstOpenMatchFinding = "orders {id=14} total: 14.00 → 14.01"
        let match = criterion(.dispositions, input)
        #expect(match?.result == .fail && match?.command == "parity report eod --cycle 2")
        #expect(match?.details == ["2 finding(s) dispositioned match (open defects), first in cycle 2 (2026-11-12): orders {id=14} total: 14.00 → 14.01"])

        input = passing()
        input.staleDispositions = ["lines.qty value_mismatch legacy_bug"]
        #expect(criterion(.dispositions, input)?.result == .fail)
    }

    @Test("dispositions: an expired decision is named beside its category; a reopened match decision fails until decided again")
    func expiredAndReopenedDecisions() {
        let lines = DispositionCategory(table: "lines", column: nil, kind: .missingInNew)
        let lapsed = DispositionDecision(
            id: 4, category: lines, disposition: .legacyBug, owner: "ops", note: "legacy lost lines", expires: "2026-11-13", decidedBy: "ana",
            decidedAt: Date(timeIntervalSince1970: 0))
        var input = passing()
        input.cycles[2].categories.append(.init(table: "lines", column: nil, kind: .missingInNew, disposition: nil))
        input.decisions = [DispositionBook(rules: [], decisions: [lapsed]).verdict(for: lines, on: "2026-11-13")]
        #expect(criterion(.dispositions, input)?.details
                == ["lines missing_in_new: no disposition (the stored decision legacy_bug by ops expired on 2026-11-13)"])

        let status = DispositionCategory(table: "orders", column: "status", kind: .valueMismatch)
        let match = DispositionDecision(
            id: 5, category: status, disposition: .match, owner: "dev", note: "keep open", decidedBy: "ana",
            decidedAt: Date(timeIntervalSince1970: 0), afterCycle: 1)
        var reopened = DispositionBook(rules: [], decisions: [match]).verdict(for: status, on: "2026-11-13")
        reopened.reopened = Reopening(fixedIn: 2, backIn: 3)
        input = passing()
        input.decisions = [reopened]
        let failing = criterion(.dispositions, input)
        #expect(failing?.result == .fail && failing?.command == "parity disposition list")
        #expect(failing?.details == [
            "orders.status value_mismatch: reopened: decided match by dev (\"keep open\") after cycle 1, none open at cycle 2, open again at cycle 3; decide again with parity disposition set",
        ])
    }

    @Test("unexplained_diffs: an open unexplained difference fails whatever cycle found it; gate.max_open_unexplained tolerates some")
    func openDifferences() {
        var input = passing()
        input.openDifferences = .init(total: 3, unexplained: 1, examples: ["orders {id=7} missing_in_new, open since cycle 1 (2026-11-11)"],
                                      categories: [.init(table: "orders", column: nil, kind: .missingInNew, disposition: nil)])
        let failing = criterion(.unexplainedDiffs, input)
        #expect(failing?.result == .fail && failing?.command == "parity report open")
        #expect(failing?.details == ["1 open unexplained difference(s) > gate.max_open_unexplained 0, oldest first:",
                                     "orders {id=7} missing_in_new, open since cycle 1 (2026-11-11)"])
        #expect(failing?.evidence.hasPrefix("1 open unexplained difference(s) of 3 open") == true)
        // The category has no disposition: the dispositions criterion names it too, though no cycle in the window reported it.
        #expect(criterion(.dispositions, input)?.details == ["orders missing_in_new: no disposition"])
        #expect(criterion(.dispositions, input)?.command == "parity report open")

        var tolerant = configuration
        tolerant.maxOpenUnexplained = 1
        let allowed = GateEvaluator.evaluate(input, configuration: tolerant).criteria.first { $0.name == .unexplainedDiffs }
        #expect(allowed?.result == .pass, "\(String(describing: allowed))")

        input.openDifferences = .init(total: 2, unexplained: 2, examples: [], categories: [
            .init(table: "orders", column: "total", kind: .valueMismatch, disposition: .match),
        ], matched: 2)
        let defects = criterion(.dispositions, input)
        #expect(defects?.result == .fail && defects?.details == ["2 open difference(s) dispositioned match (open defects): parity report open"])
    }

    @Test("verification: none recorded, a drift found, one older than verify.max_age or a failed --state fails it")
    func verification() {
        #expect(criterion(.verification, passing())?.evidence.contains("(legacy, new): the store equalled the sources") == true)
        var input = passing()
        input.verification.lastSources = nil
        let none = criterion(.verification, input)
        #expect(none?.result == .fail && none?.command == "parity verify --sources" && none?.evidence.hasPrefix("no parity verify --sources") == true)

        input = passing()
        input.verification.lastSources?.passed = false
        input.verification.lastSources?.problems = 2
        #expect(criterion(.verification, input)?.details == ["the last verify --sources (2026-11-17T07:20:00.000Z) found 2 capture drift(s)"])

        input = passing()
        input.verification.maxAge = .seconds(86_400)
        #expect(criterion(.verification, input)?.details == ["the last verify --sources is 1d3h46m40s old > verify.max_age 1d"],
                "\(String(describing: criterion(.verification, input)))")

        input = passing()
        input.verification.lastState = .init(checkedAt: Date(timeIntervalSince1970: 1_794_950_000), passed: false, problems: 1)
        let state = criterion(.verification, input)
        #expect(state?.result == .fail && state?.command == "parity verify --state", "\(String(describing: state))")
    }

    @Test("aggregates: not evaluated without a complete month, fails on a group out of tolerance")
    func aggregates() {
        var input = passing()
        input.lastMonth = nil
        let missing = GateEvaluator.evaluate(input, configuration: configuration)
        #expect(missing.criteria[3].result == .notEvaluated && missing.result == .notEvaluated)
        input.lastMonth = .init(month: "2026-10", aggregates: [.init(name: "revenue", groupsOutOfTolerance: 2, firstExample: "region=EU: 0.90")])
        let failing = criterion(.aggregates, input)
        #expect(failing?.result == .fail && failing?.details == ["revenue: 2 group(s) out of tolerance, e.g. region=EU: 0.90"])
        #expect(failing?.command == "parity report monthly --month 2026-10")
    }

    @Test("hidden_state: any listed item fails; a list not available is not evaluated unless something fails")
    func hiddenState() {
        var input = passing()
        input.hiddenState?.unmappedTriggerMaintained = ["public.order_totals (trigger trg_totals on public.orders)"]
        let failing = criterion(.hiddenState, input)
        #expect(failing?.result == .fail && failing?.details == ["unmapped trigger-maintained: public.order_totals (trigger trg_totals on public.orders)"])
        input.hiddenState?.inventoryChanges = nil
        #expect(criterion(.hiddenState, input)?.result == .fail)
        input.hiddenState?.unmappedTriggerMaintained = []
        #expect(criterion(.hiddenState, input)?.result == .notEvaluated)
        #expect(criterion(.hiddenState, input)?.evidence == "not available: inventory change")
    }

    @Test("hidden_state without an inventory in the window (nil): not evaluated, so the gate is too; a failure still wins")
    func hiddenStateNotRecorded() {
        var input = passing()
        input.hiddenState = nil
        let report = GateEvaluator.evaluate(input, configuration: configuration)
        let hidden = report.criteria.first { $0.name == .hiddenState }
        #expect(hidden?.result == .notEvaluated)
        #expect(report.result == .notEvaluated && report.exitCode == 2)
        input.cycles[2] = cycle(3, rate: "0.5")
        #expect(GateEvaluator.evaluate(input, configuration: configuration).exitCode == 1)
    }

    @Test("legacy_quiet: only with gate.legacy_quiet_cycles > 0; writes in the last M cycles fail, writes before pass")
    func legacyQuiet() {
        var quiet = configuration
        quiet.legacyQuietCycles = 2
        #expect(criterion(.legacyQuiet, passing(), quiet)?.result == .pass)
        var input = passing()
        input.legacyWrites?.append(.init(cycleID: 3, tables: [.init(table: "public.audit_log", rows: 12, writer: "cron job nightly_rollup")]))
        let failing = criterion(.legacyQuiet, input, quiet)
        #expect(failing?.result == .fail && failing?.details == ["cycle 3 (2026-11-13): public.audit_log 12 row(s) by cron job nightly_rollup"])
        input.legacyWrites = nil
        #expect(criterion(.legacyQuiet, input, quiet)?.result == .notEvaluated)
        quiet.legacyQuietCycles = 4
        #expect(criterion(.legacyQuiet, passing(), quiet)?.result == .notEvaluated)
    }

    @Test("legacy_quiet: an unreadable legacy catalog leaves it not evaluated, legacy listed unreachable (exit 3); legacy writes still fail it")
    func legacyQuietUnreadCatalog() {
        var quiet = configuration
        quiet.legacyQuietCycles = 2
        var input = passing()
        input.legacyUse = LegacyUse.quietVerdict(cycles: [], allowedClients: [], inventory: nil, unreadCatalog: "connection refused")
        let report = GateEvaluator.evaluate(input, configuration: quiet)
        let criterion = report.criteria.first { $0.name == .legacyQuiet }
        #expect(criterion?.result == .notEvaluated)
        #expect(criterion?.evidence == "legacy's catalog cannot be read (connection refused): outbound integrations and consumers not checked")
        #expect(report.unreachableSources == [.legacy] && report.exitCode == 3)
        input.legacyWrites?.append(.init(cycleID: 3, tables: [.init(table: "public.audit_log", rows: 1, writer: nil)]))
        #expect(GateEvaluator.evaluate(input, configuration: quiet).exitCode == 1)
    }

    @Test("capture_health: a missing or lost slot or lag above max_lag fails; an unreachable source is not evaluated, listed, exit 3")
    func captureHealth() {
        var input = passing()
        input.capture[0].health?.lagSeconds = 301
        #expect(criterion(.captureHealth, input)?.details == ["legacy: lag 301s > 300s"])
        input = passing()
        input.capture[1].health = .init(slotPresent: false, slotLost: true, lagSeconds: nil)
        #expect(criterion(.captureHealth, input)?.details == ["new: replication slot missing", "new: replication slot lost or invalidated"])
        input = passing()
        input.capture[0].health = .init(slotPresent: true, slotRecreated: true, lagSeconds: 1)
        #expect(criterion(.captureHealth, input)?.details == [
            "legacy: replication slot recreated behind Parity's back (confirmed past the store's position)",
        ])
        input = passing()
        input.capture[1].health = nil
        let report = GateEvaluator.evaluate(input, configuration: configuration)
        #expect(report.criteria.last?.result == .notEvaluated && report.unreachableSources == [.new] && report.exitCode == 3)
    }

    @Test("overall: a failure wins over not evaluated")
    func failureWins() {
        var input = passing()
        input.lastMonth = nil
        input.cycles[2] = cycle(3, rate: "0.5")
        let report = GateEvaluator.evaluate(input, configuration: configuration)
        #expect(report.result == .fail && report.exitCode == 1)
    }
}

@Suite("Gate evaluator: contracts exported under the decisions in force, when required")
struct GateContractsTests {
    private let exported = ContractsStatus.Export(
        exportedAt: Date(timeIntervalSince1970: 1_794_990_000), contracts: 6, vectors: 80, decisionsFingerprint: "fnv1a64:aa")

    private func criterion(_ status: ContractsStatus?, required: Bool) -> GateCriterion? {
        var input = GateInput(
            cycles: [], mappings: [], lastMonth: nil, hiddenState: nil, legacyWrites: nil, capture: [],
            evaluatedAt: Date(timeIntervalSince1970: 1_795_000_000), asOf: nil, configHash: "h")
        input.contracts = status
        let report = GateEvaluator.evaluate(input, configuration: GateConfiguration(requireContractsExport: required))
        #expect(report.contracts == status)
        return report.criteria.first { $0.name == .contracts }
    }

    @Test("not required: no criterion, the status still reported")
    func notRequired() {
        #expect(criterion(ContractsStatus(known: 6, lastExport: nil, decisionsFingerprint: "fnv1a64:aa"), required: false) == nil)
    }

    @Test("required: fails with no export or after a decision changed; passes when the export is current")
    func required() {
        let none = criterion(ContractsStatus(known: 6, lastExport: nil, decisionsFingerprint: "fnv1a64:aa"), required: true)
        #expect(none?.result == .fail && none?.evidence.contains("no contracts exported yet; 6 known") == true)
        let stale = criterion(ContractsStatus(known: 6, lastExport: exported, decisionsFingerprint: "fnv1a64:bb"), required: true)
        #expect(stale?.result == .fail && stale?.evidence.contains("decisions changed since") == true)
        let current = criterion(ContractsStatus(known: 6, lastExport: exported, decisionsFingerprint: "fnv1a64:aa"), required: true)
        #expect(current?.result == .pass)
        #expect(current?.evidence == "6 contract(s) known; 6 exported at 2026-11-18T08:20:00.000Z, decisions unchanged since")
        #expect(criterion(nil, required: true)?.result == .notEvaluated)
    }
}

@Suite("Gate evaluator: the whole table in scope for the window, once a mapping has a cutover scope")
struct GateScopeTests {
    private func cycle(_ id: Int64) -> GateInput.Cycle {
        GateInput.Cycle(id: id, label: "c\(id)", status: .closed, mappingsCompared: ["orders"], unexplainedRate: "0")
    }

    private func criterion(_ scopes: [ScopeShare]?, cycles: [Int64] = [3, 4]) -> GateCriterion? {
        var input = GateInput(
            cycles: cycles.map(cycle), mappings: ["orders"], lastMonth: nil, hiddenState: nil, legacyWrites: nil, capture: [],
            evaluatedAt: Date(timeIntervalSince1970: 1_795_000_000), asOf: nil, configHash: "h")
        input.scopes = scopes
        return GateEvaluator.evaluate(input, configuration: GateConfiguration(cycles: 2)).criteria.first { $0.name == .scope }
    }

    private func share(_ cycle: Int64, _ inScope: Int) -> ScopeShare {
        ScopeShare(
            cycle: cycle, mapping: "orders", definition: "customer_id % 100 < 25", digest: "d", listedKeys: nil, rows: 200, inScope: inScope,
            outOfScope: 0, comparedAll: false)
    }

    @Test("no scope anywhere: no criterion; a partial share in the window fails; partial shares before the window do not count")
    func windowAtFullScope() {
        #expect(criterion(nil) == nil)
        let partial = criterion([share(2, 2), share(3, 50), share(4, 200)])
        #expect(partial?.result == .fail && partial?.details == ["cycle 3 (c3): orders 25.0% in scope (50 of 200 keys) under customer_id % 100 < 25"])
        #expect(partial?.command == "parity report eod --cycle 3")
        let full = criterion([share(2, 2), share(3, 200), share(4, 200)])
        #expect(full?.result == .pass && full?.evidence == "every row of orders in scope in each of 2 cycle(s)", "\(String(describing: full))")
    }
}
