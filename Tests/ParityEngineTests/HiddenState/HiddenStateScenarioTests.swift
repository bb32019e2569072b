import Foundation
import ParityConfig
import ParityEngine
import ParityModel
import ParityStore
import Reconciliation
import Testing

/// Issue 6's scenario: legacy keeps `daily_totals` up to date from an undocumented AFTER trigger (through a
/// second function) and lower-cases e-mail addresses in a BEFORE trigger; the new system does neither.
@Suite("Hidden state found in the legacy change stream")
struct HiddenStateScenarioTests {
    static let legacySchema = """
        CREATE TABLE heap_log (id bigint, what text);
        CREATE TABLE orders (order_no int PRIMARY KEY, email text, amount numeric(12,2), placed_on date);
        CREATE TABLE daily_totals (day date PRIMARY KEY, total numeric(14,2) NOT NULL, orders int NOT NULL);
        CREATE FUNCTION add_to_day(d date, amount numeric) RETURNS void LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO public.daily_totals AS t VALUES (d, amount, 1)
            ON CONFLICT (day) DO UPDATE SET total = t.total + EXCLUDED.total, orders = t.orders + 1;
        END $$;
        CREATE FUNCTION upd_daily_totals() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM add_to_day(NEW.placed_on, NEW.amount);
            RETURN NULL;
        END $$;
        CREATE TRIGGER orders_ai AFTER INSERT ON orders FOR EACH ROW EXECUTE FUNCTION upd_daily_totals();
        CREATE FUNCTION normalize_email() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            NEW.email := lower(NEW.email);
            RETURN NEW;
        END $$;
        CREATE TRIGGER orders_bi BEFORE INSERT OR UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION normalize_email();
        """
    static let newSchema = """
        CREATE TABLE heap_log (id bigint, what text);
        CREATE TABLE orders (id bigint PRIMARY KEY, email text, amount numeric(12,2), placed_on date);
        """
    static let tables = """
          - name: orders
            legacy: public.orders
            new: public.orders
            key: { legacy: [order_no], new: [id] }
            columns:
              - { legacy: email, new: email }
              - { legacy: amount, new: amount, type: decimal }
              - { legacy: placed_on, new: placed_on, type: date }
        """

    @Test("an undocumented trigger's summary table, a BEFORE trigger's column, documenting, and a trigger added between cycles",
          arguments: ReconciliationScenario.StoreKind.allCases)
    func scenario(_ storeKind: ReconciliationScenario.StoreKind) throws {
        let scenario = try ReconciliationScenario(storeKind: storeKind,
            legacySchema: Self.legacySchema, newSchema: Self.newSchema, tables: Self.tables)
        defer { scenario.stop() }
        let session = try scenario.startCapture()
        defer { session.stop() }

        let calendar = try #require(CycleCalendar(scenario.configuration.cycle))
        let first = try CycleClock.waitForWindow(calendar, offset: 0.2...3)
        // Three transactions on each side (one script runs as one transaction).
        for row in ["(1, 'Ann@Example.com', 10.00, '2026-11-20')", "(2, 'bob@example.com', 5.50, '2026-11-20')",
                    "(3, 'cy@example.com', 7.25, '2026-11-21')"] {
            try scenario.write(legacy: "INSERT INTO orders VALUES \(row)", new: "INSERT INTO orders VALUES \(row)")
        }
        try scenario.closeThrough(first, session: session)
        let a = try #require(try scenario.store.cycles().first { $0.label == first.label })

        // The summary table is maintained by orders_ai through two functions in every transaction touching orders.
        let hidden = try scenario.store.hiddenState(cycle: a.id)
        let unmapped = try #require(hidden.first { $0.kind == .hiddenStateUnmapped })
        #expect(unmapped.table == "public.daily_totals" && unmapped.trigger == "orders_ai")
        #expect(unmapped.functions == ["public.upd_daily_totals", "public.add_to_day"])
        #expect(unmapped.transactions == 3)
        #expect(unmapped.message == "`daily_totals` is maintained by undocumented trigger `orders_ai` → `upd_daily_totals()` → "
            + "`add_to_day()` in 3 of 3 transactions touching `orders`; the new system has no counterpart")
        #expect(!hidden.contains { $0.kind == .unmappedWrites })
        // The BEFORE trigger's column: the one e-mail the new system kept in mixed case is attributed to it.
        let findings = try scenario.store.findings(cycle: a.id)
        let email = try #require(findings.first { $0.column == "email" })
        #expect(email.key == ["order_no": "1"] && email.legacy == "ann@example.com" && email.new == "Ann@Example.com")
        #expect(email.attributedTo == "orders_bi → normalize_email()")
        #expect(findings.map(\.kind.rawValue).sorted() == ["hidden_state_unmapped", "value_mismatch"])
        let eod = try EndOfDayLoader.load(scenario.configuration, store: scenario.store, cycle: a.id)
        #expect(eod.inventoryTaken && eod.hiddenState.first?.kind == .hiddenStateUnmapped)

        // Between the cycles a new trigger appears on legacy; documenting orders_ai clears the finding.
        try scenario.write(legacy: """
            CREATE FUNCTION audit_orders() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
            CREATE TRIGGER orders_audit AFTER UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION audit_orders();
            """, new: "")
        var documented = scenario.configuration
        documented.hiddenState.documented.append(DocumentedObject(
            kind: .trigger, name: "orders_ai", table: QualifiedName(name: "orders"), disposition: .retired,
            note: "finance reads daily totals from the warehouse now"))
        let second = try CycleClock.waitForWindow(calendar, offset: 0.2...3, window: calendar.window(after: first))
        try scenario.write(
            legacy: "INSERT INTO orders VALUES (4, 'dee@example.com', 1.00, '2026-11-21')",
            new: "INSERT INTO orders VALUES (4, 'dee@example.com', 1.00, '2026-11-21')")
        try CycleClock.closeThrough(second, configuration: documented, store: scenario.store, session: session) {
            try scenario.write(legacy: "INSERT INTO heap_log VALUES (0, 'tick')", new: "INSERT INTO heap_log VALUES (0, 'tick')")
        }
        let b = try #require(try scenario.store.cycles().first { $0.label == second.label })
        let maintained = try scenario.store.hiddenState(cycle: b.id)
        #expect(maintained.map(\.kind) == [.triggerMaintained])
        #expect(maintained.first?.documented == true && maintained.first?.transactions == 1)
        #expect(try scenario.store.findings(cycle: b.id).isEmpty)
        let changes = try scenario.store.inventoryChanges(cycle: try #require(try scenario.store.cycles().first { $0.id > a.id }).id)
        #expect(changes.map { "\($0.change) \($0.kind) \($0.name) \($0.documented)" } == ["added trigger orders_audit false"])
    }

    /// Issue 24: a built-in trigger function's column, and a BEFORE UPDATE trigger (with a `WHEN`) that cannot have set
    /// the column of a row only inserted.
    @Test("a tsvector_update_trigger column is attributed to it; an UPDATE-only trigger only on rows updated")
    func attributionByEvent() throws {
        let scenario = try ReconciliationScenario(
            legacySchema: """
                CREATE TABLE heap_log (id bigint, what text);
                CREATE TABLE docs (id int PRIMARY KEY, title text, status text, fts tsvector);
                CREATE TRIGGER docs_fts BEFORE INSERT OR UPDATE ON docs FOR EACH ROW
                    EXECUTE FUNCTION tsvector_update_trigger(fts, 'pg_catalog.simple', title);
                CREATE FUNCTION upper_status() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    NEW.status := upper(NEW.status);
                    RETURN NEW;
                END $$;
                CREATE TRIGGER docs_bu BEFORE UPDATE ON docs FOR EACH ROW
                    WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION upper_status();
                """,
            newSchema: "CREATE TABLE heap_log (id bigint, what text); CREATE TABLE docs (id int PRIMARY KEY, title text, status text, fts tsvector);",
            tables: """
                  - name: docs
                    legacy: public.docs
                    new: public.docs
                    key: { legacy: [id], new: [id] }
                    columns:
                      - { legacy: title, new: title }
                      - { legacy: status, new: status }
                      - { legacy: fts, new: fts }
                """)
        defer { scenario.stop() }
        let session = try scenario.startCapture()
        defer { session.stop() }

        let calendar = try #require(CycleCalendar(scenario.configuration.cycle))
        let window = try CycleClock.waitForWindow(calendar, offset: 0.2...3)
        // The new system keeps no full-text column and does not upper-case statuses. Row 1 is only inserted (legacy keeps
        // 'draft' as written); row 2 is inserted and then updated, so legacy's trigger upper-cased its status.
        try scenario.write(
            legacy: "INSERT INTO docs (id, title, status) VALUES (1, 'red fox', 'draft'), (2, 'blue whale', 'draft')",
            new: "INSERT INTO docs (id, title, status) VALUES (1, 'red fox', 'Draft'), (2, 'blue whale', 'draft')")
        try scenario.write(legacy: "UPDATE docs SET status = 'sent' WHERE id = 2", new: "UPDATE docs SET status = 'sent' WHERE id = 2")
        try scenario.closeThrough(window, session: session)
        let cycle = try #require(try scenario.store.cycles().first { $0.label == window.label })

        let findings = try scenario.store.findings(cycle: cycle.id)
        let fts = findings.filter { $0.column == "fts" }
        let ftsKeys: [String] = fts.compactMap { finding in finding.key["id"] ?? nil }.sorted()
        #expect(ftsKeys == ["1", "2"])
        #expect(fts.allSatisfy { $0.attributedTo == "docs_fts → pg_catalog.tsvector_update_trigger()" })
        let status = try #require(findings.first { $0.column == "status" && $0.key["id"] == "1" })
        #expect(status.legacy == "draft" && status.new == "Draft")
        #expect(status.attributedTo == nil, "row 1 was only inserted: the BEFORE UPDATE trigger never fired on it")
        let updated = try #require(findings.first { $0.column == "status" && $0.key["id"] == "2" })
        #expect(updated.legacy == "SENT" && updated.new == "sent")
        #expect(updated.attributedTo == "docs_bu → upper_status() when (old.status IS DISTINCT FROM new.status)")
        #expect(findings.count == 4)
    }
}
