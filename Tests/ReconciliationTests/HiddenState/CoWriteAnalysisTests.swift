import ParityConfig
import ParityModel
import Testing
@testable import Reconciliation

@Suite struct CoWriteAnalysisTests {
    private func trigger(
        _ name: String = "orders_ai", on table: String = "public.orders", bits: Int = 1 | 4 | 16,
        enabled: TriggerEnabledState = .enabled, writes: [ReachedWrite] = [], assigns: [String] = []
    ) -> TriggerFacts {
        var reach = FunctionReach()
        reach.chain = ["public.upd_daily_totals"]
        reach.writes = writes
        reach.assignedNewColumns = assigns
        return TriggerFacts(name: name, table: table, type: TriggerType(bits: bits), enabled: enabled,
                            function: "public.upd_daily_totals", reach: reach)
    }

    private let totals = ReachedWrite(table: "public.daily_totals", path: ["public.upd_daily_totals"])

    /// 1,204 transactions writing orders (and the trigger's table), plus other traffic.
    private func transactions(_ orders: Int = 1204, extra: [[String: Int]] = []) -> [[String: Int]] {
        Array(repeating: ["public.orders": 1, "public.daily_totals": 1], count: orders) + extra
    }

    @Test func unmappedUndocumentedTriggerMaintainedTableIsHiddenState() {
        let result = CoWriteAnalysis.analyze(.init(
            transactions: transactions(), triggers: [trigger(writes: [totals])], mappedTables: ["public.orders"]))
        #expect(result.maintained == [TriggerMaintainedTable(
            table: "public.daily_totals", trigger: "orders_ai", triggerTable: "public.orders", functions: ["public.upd_daily_totals"],
            transactionsWritingBoth: 1204, transactionsTouchingTriggerTable: 1204, mapped: false, documented: false)])
        #expect(result.findings.map(\.kind) == [.hiddenStateUnmapped])
        #expect(result.findings.first?.message == "`daily_totals` is maintained by undocumented trigger `orders_ai` → "
            + "`upd_daily_totals()` in 1,204 of 1,204 transactions touching `orders`; the new system has no counterpart")
        #expect(result.findings.first?.transactions == 1204)
        #expect(result.attributions.isEmpty)
    }

    @Test func documentedTriggerOrIgnoredTableIsNotAFinding() {
        let documented = DocumentedObject(kind: .trigger, name: "orders_ai", table: QualifiedName(name: "orders"), disposition: .retired)
        let byDoc = CoWriteAnalysis.analyze(.init(
            transactions: transactions(), triggers: [trigger(writes: [totals])], mappedTables: ["public.orders"], documented: [documented]))
        #expect(byDoc.findings.isEmpty)
        #expect(byDoc.maintained.first?.documented == true)
        let byIgnore = CoWriteAnalysis.analyze(.init(
            transactions: transactions(), triggers: [trigger(writes: [totals])], mappedTables: ["public.orders"],
            ignoredTables: ["public.daily_totals"]))
        #expect(byIgnore.findings.isEmpty)
    }

    @Test func mappedTriggerMaintainedTableAttributesItsDiffsToTheTrigger() {
        let result = CoWriteAnalysis.analyze(.init(
            transactions: transactions(10, extra: [["public.orders": 2]]), triggers: [trigger(writes: [totals])],
            mappedTables: ["public.orders", "public.daily_totals"]))
        #expect(result.findings.isEmpty)
        #expect(result.maintained.first?.transactionsTouchingTriggerTable == 11)
        #expect(result.maintained.first?.transactionsWritingBoth == 10)
        let attribution = result.attribution(table: "public.daily_totals", column: "total")
        #expect(attribution?.trigger == "orders_ai")
        #expect(attribution?.label == "orders_ai → upd_daily_totals()")
        #expect(result.attribution(table: "public.orders", column: "total") == nil)
    }

    @Test func beforeTriggerAssigningAColumnTakesThatColumnsDiffs() {
        let stamp = trigger("orders_bi", bits: 1 | 2 | 4 | 16, assigns: ["updated_at"])
        let result = CoWriteAnalysis.analyze(.init(transactions: transactions(3), triggers: [stamp], mappedTables: ["public.orders"]))
        #expect(result.attribution(table: "public.orders", column: "updated_at")?.trigger == "orders_bi")
        #expect(result.attribution(table: "public.orders", column: "total") == nil)
    }

    @Test("a BEFORE UPDATE trigger's column is attributed only on rows the cycle updated; a WHEN is shown")
    func attributionFollowsTheTriggersEvents() {
        var stamp = trigger("orders_bu", bits: 1 | 2 | 16, assigns: ["status"])
        stamp.condition = "old.status IS DISTINCT FROM new.status"
        let result = CoWriteAnalysis.analyze(.init(transactions: transactions(3), triggers: [stamp], mappedTables: ["public.orders"]))
        #expect(result.attribution(table: "public.orders", column: "status", changes: [.insert]) == nil)
        #expect(result.attribution(table: "public.orders", column: "status", changes: [.insert, .update])?.trigger == "orders_bu")
        let unknown = result.attribution(table: "public.orders", column: "status", changes: nil)
        #expect(unknown?.label == "orders_bu → upd_daily_totals() when (old.status IS DISTINCT FROM new.status)")
        #expect(stamp.item.detail("when") == .text("old.status IS DISTINCT FROM new.status"))
        #expect(stamp.item.detail("events") == .list(["update"]))
    }

    @Test func tablesNeverWrittenTogetherOrByDisabledTriggersAreNotMaintained() {
        let apart = CoWriteAnalysis.analyze(.init(
            transactions: [["public.orders": 1], ["public.daily_totals": 4]], triggers: [trigger(writes: [totals])],
            mappedTables: ["public.orders"]))
        #expect(apart.maintained.isEmpty)
        #expect(apart.findings.map(\.kind) == [.unmappedWrites])
        let disabled = CoWriteAnalysis.analyze(.init(
            transactions: transactions(5), triggers: [trigger(enabled: .disabled, writes: [totals])], mappedTables: ["public.orders"]))
        #expect(disabled.maintained.isEmpty)
    }

    @Test func unmappedWritesCountTransactionsAndRows() {
        let result = CoWriteAnalysis.analyze(.init(
            transactions: transactions(2, extra: [
                ["public.session_log": 3, "public.orders": 1], ["public.session_log": 2000], ["public.cache": 1],
            ]),
            triggers: [trigger(writes: [totals])], mappedTables: ["public.orders"], ignoredTables: ["public.cache"]))
        let writes = result.findings.filter { $0.kind == .unmappedWrites }
        #expect(writes.map(\.table) == ["public.session_log"])
        #expect(writes.first?.transactions == 2)
        #expect(writes.first?.rows == 2003)
        #expect(writes.first?.message == "`session_log` was written in 2 transactions (2,003 rows) and is neither mapped nor in hidden_state.ignore_tables")
        #expect(result.findings.filter { $0.kind == .hiddenStateUnmapped }.map(\.table) == ["public.daily_totals"])
    }

    @Test func deeperCallPathsShowEveryFunction() {
        let deep = ReachedWrite(table: "audit.trail", path: ["public.upd_daily_totals", "audit.record"])
        let result = CoWriteAnalysis.analyze(.init(
            transactions: [["public.orders": 1, "audit.trail": 1]], triggers: [trigger(writes: [deep])], mappedTables: ["public.orders"]))
        #expect(result.findings.first?.message.hasPrefix(
            "`audit.trail` is maintained by undocumented trigger `orders_ai` → `upd_daily_totals()` → `audit.record()` in 1 of 1") == true)
    }
}
