import ParityConfig
import ParityModel
import Testing
@testable import Reconciliation

@Suite struct InventoryModelTests {
    @Test func triggerTypeBits() {
        let before = TriggerType(bits: 1 | 2 | 4 | 16)
        #expect(before == TriggerType(timing: .before, events: [.insert, .update], level: .row))
        #expect(TriggerType(bits: 8 | 32) == TriggerType(timing: .after, events: [.delete, .truncate], level: .statement))
        #expect(TriggerType(bits: 1 | 64 | 4).timing == .insteadOf)
        #expect(TriggerEnabledState(code: "D") == .disabled)
        #expect(TriggerEnabledState(code: "R")?.firesNormally == false)
        #expect(TriggerEnabledState(code: "A")?.firesNormally == true)
        #expect(TriggerEnabledState(code: "?") == nil)
    }

    @Test func functionGraphFollowsCallsAcrossSchemas() {
        let graph = FunctionGraph(functions: [
            FunctionSource(schema: "public", name: "orders_trg", language: "plpgsql",
                           body: "BEGIN NEW.total := NEW.qty * 2; PERFORM bump(NEW.day); PERFORM audit.log_it(); RETURN NEW; END"),
            FunctionSource(schema: "public", name: "bump", language: "plpgsql",
                           body: "BEGIN UPDATE daily SET n = n + 1 WHERE day = $1; PERFORM orders_trg(); END"),
            FunctionSource(schema: "audit", name: "log_it", language: "sql", body: "INSERT INTO audit.trail VALUES (now())"),
            FunctionSource(schema: "ext", name: "native", language: "c", body: "native_symbol"),
        ])
        let reach = graph.reach(from: "public.orders_trg")
        #expect(reach.chain == ["public.orders_trg", "public.bump", "audit.log_it"])
        #expect(reach.writes == [
            ReachedWrite(table: "public.daily", path: ["public.orders_trg", "public.bump"]),
            ReachedWrite(table: "audit.trail", path: ["public.orders_trg", "audit.log_it"]),
        ])
        #expect(reach.assignedNewColumns == ["total"])
        #expect(graph.reach(from: "ext.native").unanalyzedFunctions == ["ext.native (c)"])
        #expect(graph.reach(from: "public.bump").bodyHash != reach.bodyHash)
    }

    private func inventory(_ items: [InventoryItem]) -> Inventory { Inventory(source: .legacy, items: items, triggers: []) }

    @Test func documentedMatchingUsesKindNameAndOptionalTable() {
        let policy = InventoryItem(kind: .policy, name: "tenant", table: "public.orders")
        let sequence = InventoryItem(kind: .sequence, name: "orders_id_seq", table: "public.orders_id_seq")
        let documented = inventory([policy, sequence]).documented(by: [
            DocumentedObject(kind: .policy, name: "tenant", table: QualifiedName(name: "other"), disposition: .accepted),
            DocumentedObject(kind: .sequence, name: "orders_id_seq", disposition: .reproduced),
        ])
        #expect(documented.items.map(\.documented) == [false, true])
        #expect(documented.items[1].documentation?.disposition == .reproduced)
        #expect(documented.undocumented.map(\.name) == ["tenant"])
    }

    @Test func changesByBodyHashAndDetails() {
        let rule = InventoryItem(kind: .rule, name: "r", table: "public.t", details: [.text("action", "instead")], bodyHash: "1")
        let gone = InventoryItem(kind: .unloggedTable, name: "cache", table: "public.cache")
        let kept = InventoryItem(kind: .sequence, name: "s", table: "public.s", details: [.text("owned_by", "-")])
        var edited = rule
        edited.bodyHash = "2"
        edited.details = [.text("action", "also")]
        let added = InventoryItem(kind: .materializedView, name: "mv", table: "public.mv")
        let changes = InventoryChanges(from: inventory([rule, gone, kept]), to: inventory([edited, kept, added]))
        #expect(changes.added == [added])
        #expect(changes.removed == [gone])
        #expect(changes.changed.map(\.changedDetails) == [["action"]])
        #expect(changes.changed.first?.bodyChanged == true)
        #expect(InventoryChanges(from: inventory([kept]), to: inventory([kept])).isEmpty)
    }

    @Test func blindSpotsSayWhatParityDoes() {
        let items = [
            InventoryItem(kind: .unloggedTable, name: "cache", table: "public.cache"),
            InventoryItem(kind: .materializedView, name: "mv", table: "public.mv"),
            InventoryItem(kind: .generatedColumn, name: "total", table: "public.lines"),
            InventoryItem(kind: .cronJob, name: "nightly"),
            InventoryItem(kind: .policy, name: "p", table: "public.cache"),
        ]
        let spots = BlindSpot.find(in: inventory(items), snapshotTables: [QualifiedName(name: "cache"), QualifiedName(name: "lines")])
        #expect(spots.map { "\($0.kind.rawValue) \($0.name) \($0.coverage.rawValue)" } == [
            "cron_job nightly not covered",
            "generated_column total requested in hidden_state.snapshot_tables; snapshot comparison is not built yet: not covered",
            "materialized_view mv not covered",
            "unlogged_table cache requested in hidden_state.snapshot_tables; snapshot comparison is not built yet: not covered",
        ])
    }

    @Test("a trigger whose function cannot be read is a blind spot; one fully analysed is not")
    func unanalysedTriggerIsABlindSpot() {
        let items = [
            InventoryItem(kind: .trigger, name: "orders_c", table: "public.orders",
                          details: [.list("unanalyzed_functions", ["public.c_stamp (c)"])]),
            InventoryItem(kind: .trigger, name: "orders_plpgsql", table: "public.orders", details: [.list("writes", [])]),
        ]
        let spots = BlindSpot.find(in: inventory(items), snapshotTables: [])
        #expect(spots.map { "\($0.kind.rawValue) \($0.name): \($0.reason)" } == [
            "trigger orders_c: unanalysed: what the trigger writes is unknown, its function public.c_stamp (c) cannot be read",
        ])
    }

    @Test("a slot whose activity and retained WAL moved is not a change; a different plugin is")
    func volatileDetails() {
        let before = Inventory(source: .legacy, items: [InventoryItem(kind: .slot, name: "etl", details: [
            .text("type", "logical (pgoutput)"), .text("active", "true"), .text("retained_wal_bytes", "1024"),
        ])], triggers: [])
        var later = before.items[0]
        later.details = [.text("type", "logical (pgoutput)"), .text("active", "false"), .text("retained_wal_bytes", "99999")]
        #expect(InventoryChanges(from: before, to: Inventory(source: .legacy, items: [later], triggers: [])).isEmpty)
        later.details[0] = .text("type", "logical (wal2json)")
        #expect(InventoryChanges(from: before, to: Inventory(source: .legacy, items: [later], triggers: [])).changed.map(\.changedDetails) == [["type"]])
    }
}
