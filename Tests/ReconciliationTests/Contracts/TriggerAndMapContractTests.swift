import ParityConfig
import ParityModel
import Reconciliation
import Testing

@Suite("Value-map, BEFORE-trigger and trigger-maintained contracts")
struct TriggerAndMapContractTests {
    private let mapping = TableMapping(
        name: "orders", legacy: QualifiedName(name: "orders"), new: QualifiedName(schema: "sales", name: "orders"),
        key: KeyMapping(legacy: ["order_no"], new: ["id"]),
        columns: [
            ColumnMapping(legacy: "status", new: "state", map: ["O": "open", "S": "shipped"]),
            ColumnMapping(legacy: "amount", new: "amount", type: .decimal),
            ColumnMapping(legacy: "customer", new: "customer", pii: true),
        ])

    @Test("every mapped code with its occurrences; the new system's most frequent value where it is not the map's")
    func valueMap() throws {
        var contract = ValueMapContract(mapping: mapping, column: mapping.columns[0])
        for (index, (code, word)) in [("O", "open"), ("O", "open"), ("S", "paid"), ("S", "paid"), ("S", "shipped"), ("X", "lost")].enumerated() {
            contract.observe(legacy: ["order_no": String(index), "status": code], new: ["id": String(index), "state": word])
        }
        let built = contract.contract(id: "value_map.orders.status")
        #expect(built.vectors.map(\.inputs) == [["status": "O"], ["status": "S"]])
        #expect(built.vectors[0].legacy == ["state": "open"] && built.vectors[0].new == nil && built.vectors[0].about["occurrences"] == "2")
        #expect(built.vectors[1].new == ["state": "paid"] && built.vectors[1].about["new_values"] == "paid=2, shipped=1")
        #expect(built.evidence["unmapped_codes"] == .list(["X"]) && built.evidence["rows"] == .count(6))
    }

    @Test("codes are counted byte for byte: a decomposed code is not the precomposed one the map names")
    func valueMapExactCodes() throws {
        let precomposed = "\u{E9}", decomposed = "e\u{301}"
        let column = ColumnMapping(legacy: "status", new: "state", map: [ExactText(precomposed): "shipped"])
        var contract = ValueMapContract(mapping: mapping, column: column)
        for (index, code) in [precomposed, decomposed, decomposed].enumerated() {
            contract.observe(legacy: ["order_no": String(index), "status": .some(code)], new: nil)
        }
        let built = contract.contract(id: "value_map.orders.status")
        #expect(built.vectors.map { $0.about["occurrences"] } == ["1"])
        guard case .list(let unmapped)? = built.evidence["unmapped_codes"] else {
            Issue.record("no unmapped codes: \(built.evidence)")
            return
        }
        #expect(unmapped.map { Array($0.unicodeScalars) } == [Array(decomposed.unicodeScalars)], "the decomposed code, twice, is not mapped")
    }

    @Test("a BEFORE trigger: the other columns → the assigned ones, rows where new differs first, pii masked")
    func beforeTrigger() throws {
        let item = InventoryItem(kind: .trigger, name: "orders_amount_bi", table: "public.orders", details: [
            .text("timing", "before"), .list("events", ["insert", "update"]), .text("level", "row"),
            .list("function_chain", ["public.orders_amount()"]), .list("assigns_new", ["amount"]),
        ])
        let trigger = try #require(BeforeTrigger(item: item))
        var contract = BeforeTriggerContract(trigger: trigger, mapping: mapping, sample: 2)
        contract.observe(legacy: ["order_no": "1", "qty": "2", "amount": "4.00", "customer": "ann"], new: ["id": "1", "amount": "4.00"])
        contract.observe(legacy: ["order_no": "2", "qty": "1.125", "amount": "1.12", "customer": "bob"], new: ["id": "2", "amount": "1.13"])
        let built = contract.contract(id: "before_trigger.public_orders.orders_amount_bi")
        #expect(built.vectors.map(\.key) == [["order_no": "2"], ["order_no": "1"]])
        #expect(built.vectors[0].inputs == ["order_no": "2", "qty": "1.125", "customer": VectorMask.mask])
        #expect(built.vectors[0].legacy == ["amount": "1.12"] && built.vectors[0].new == ["amount": "1.13"])
        #expect(built.evidence["rows"] == .count(2) && built.evidence["rows_new_differs"] == .count(1))
        #expect(BeforeTrigger(item: InventoryItem(kind: .trigger, name: "t", table: "public.orders", details: [.text("timing", "after")])) == nil)
    }

    @Test("a trigger-maintained table: writes to the trigger's table → the maintained table's change, by operation")
    func maintainedTable() {
        let table = MaintainedTable(
            table: "public.daily_summary", trigger: "orders_summary_ai", triggerTable: "public.orders",
            functions: ["public.orders_summary()", "public.add_to_daily_summary()"], cycles: 3, transactions: 40, transactionsSeen: 55,
            mapped: false, documented: false)
        let built = MaintainedTableContract.contract(
            id: "maintained_table.public_daily_summary.orders_summary_ai", table: table,
            patterns: [
                .init(base: ["inserts": 1, "updates": 0], maintained: ["inserts": 0, "updates": 1], transactions: 30, firstCommit: "t1"),
                .init(base: ["inserts": 0, "updates": 1], maintained: [:], transactions: 15, firstCommit: "t2"),
            ],
            sample: 5)
        #expect(built.vectors.map(\.inputs) == [["public.orders.inserts": "1"], ["public.orders.updates": "1"]])
        #expect(built.vectors.map(\.legacy) == [["public.daily_summary.updates": "1"], [:]])
        #expect(built.evidence["transactions"] == .count(40) && built.description.contains("no counterpart"))
    }

    @Test("a credential in a row value is masked like catalog text; pii columns are masked on either side's name")
    func secrets() {
        let mask = VectorMask(mapping: mapping)
        #expect(mask.value("note", "retry with password=hunter2 later") == "retry with password=*** later")
        #expect(mask.value("customer", "ann") == VectorMask.mask && mask.value("customer", nil) == nil)
        #expect(mask.image(["customer": "ann", "note": nil], columns: ["customer", "note", "absent"]) == ["customer": VectorMask.mask, "note": nil])
    }

    @Test("ids are safe file names")
    func ids() {
        let trigger = BeforeTrigger(name: "Amount BI", table: "public.\"Orders\"", events: [], functions: [], assigns: ["a"])
        #expect(ContractSubject.beforeTrigger(trigger, mapping: nil).id == "before_trigger.public__Orders_.Amount_BI")
    }
}
