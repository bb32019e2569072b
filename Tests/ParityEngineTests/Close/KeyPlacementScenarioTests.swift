import Foundation
import Logging
import ParityConfig
import ParityEngine
import ParityModel
import ParityStore
import Reconciliation
import Testing

/// A mapping with key normalizers in the PostgreSQL store: its keys placed by their canonical form when copied, so its
/// closes compare it by part; under a config whose normalizers differ from those, compared whole by the coordinator,
/// with the same answers, and said in the log.
@Suite("Key normalizers and the PostgreSQL store's parts")
struct KeyPlacementScenarioTests {
    static let legacySchema = """
        CREATE TABLE invoices (invoice_no text PRIMARY KEY, amount numeric(12,2));
        CREATE TABLE heap_log (id bigint, what text);
        INSERT INTO invoices SELECT 'INV-' || lpad(g::text, 4, '0'), g FROM generate_series(1, 60) AS g WHERE g NOT IN (12, 30);
        INSERT INTO invoices VALUES ('inv-0030', 30);
        """
    static let newSchema = """
        CREATE SCHEMA sales;
        CREATE TABLE sales.invoice (number bigint PRIMARY KEY, amount numeric(12,2));
        CREATE TABLE heap_log (id bigint, what text);
        INSERT INTO sales.invoice SELECT g, g + CASE WHEN g = 5 THEN 1 ELSE 0 END FROM generate_series(1, 60) AS g WHERE g <> 9;
        """
    static func tables(normalize: String) -> String {
        """
          - name: invoices
            legacy: public.invoices
            new: sales.invoice
            key: { legacy: [invoice_no], new: [number], normalize: \(normalize) }
            columns:
              - { legacy: amount, new: amount, type: decimal }
        """
    }

    static let copiedWith: [KeyNormalizer] = [.stripPrefix("INV-"), .stripLeadingZeros]

    /// The open differences as key, column and kind.
    static func open(_ store: any Store) throws -> Set<String> {
        Set(try store.differences().map { difference in
            let finding = difference.finding
            return "\(finding.key["invoice_no"].flatMap { $0 } ?? "NULL") \(finding.column ?? "-") \(finding.kind.rawValue)"
        })
    }

    @Test("placed by the normalizers it was copied with, compared by part; under other normalizers compared whole, the same answers, logged")
    func comparedWholeUnderOtherNormalizers() throws {
        let scenario = try ReconciliationScenario(
            storeKind: .postgres, legacySchema: Self.legacySchema, newSchema: Self.newSchema,
            tables: Self.tables(normalize: #"[{ strip_prefix: "INV-" }, strip_leading_zeros]"#))
        defer { scenario.stop() }
        let shared = try #require(scenario.store as? any PartitionedCycleStore)
        #expect(try shared.keyPlacements() == ["invoices": Self.copiedWith])
        let session = try CaptureSession(configuration: scenario.configuration, store: scenario.store, statusInterval: .milliseconds(200))
        session.start()
        defer { session.stop() }

        let handler = RecordingLogHandler()
        let logger = Logger(label: "test") { _ in handler }
        let baseline = try CycleCloser.close(scenario.configuration, store: scenario.store, logger: logger)
        #expect(baseline.closed.map(\.cycle.id) == [0])
        #expect(try Self.open(scenario.store) == [
            "INV-0005 amount value_mismatch", "INV-0009 - missing_in_new", "12 - missing_in_legacy", "inv-0030 - missing_in_new",
            "30 - missing_in_legacy",
        ])
        #expect(!handler.events.contains { $0.message.contains("compared whole") }, "placed by the config's normalizers")

        // Upper-cased first, "inv-0030" pairs with 30: their rows sit in two parts, placed by the normalizers they were
        // copied with, which the store keeps, so the mapping is compared whole (by part, each side would miss the other).
        let yaml = try String(contentsOfFile: scenario.configuration.file, encoding: .utf8).replacingOccurrences(
            of: #"normalize: [{ strip_prefix: "INV-" }"#, with: #"normalize: [upper, { strip_prefix: "INV-" }"#)
        let changed = try ParityConfiguration.parse(yaml: yaml, file: scenario.configuration.file, environment: [:])
        #expect(changed.tables.first?.key.normalize == [.upper] + Self.copiedWith)
        let calendar = try #require(CycleCalendar(changed.cycle))
        let window = try CycleClock.waitForWindow(calendar, offset: 0.2...2)
        try scenario.write(
            legacy: """
                UPDATE invoices SET amount = 100 WHERE invoice_no = 'INV-0020';
                UPDATE invoices SET amount = 31 WHERE invoice_no = 'inv-0030';
                INSERT INTO invoices VALUES ('INV-0061', 61)
                """,
            new: """
                UPDATE sales.invoice SET amount = 101 WHERE number = 20;
                UPDATE sales.invoice SET amount = 31 WHERE number = 30;
                INSERT INTO sales.invoice VALUES (61, 61), (62, 62)
                """)
        let deadline = Date().addingTimeInterval(60)
        while try !scenario.store.cycles().contains(where: { $0.label == window.label }), Date() < deadline {
            try scenario.write(legacy: "INSERT INTO heap_log VALUES (0, 'tick')", new: "INSERT INTO heap_log VALUES (0, 'tick')")
            try session.waitUntilCaughtUp(configuration: changed, timeout: .seconds(30))
            _ = try CycleCloser.close(changed, store: scenario.store, logger: logger)
            Thread.sleep(forTimeInterval: 0.3)
        }
        #expect(try scenario.store.cycles().contains { $0.label == window.label }, "cycle \(window.label) closed")
        #expect(try shared.keyPlacements() == ["invoices": Self.copiedWith])
        #expect(try Self.open(scenario.store) == [
            "INV-0005 amount value_mismatch", "INV-0009 - missing_in_new", "12 - missing_in_legacy", "INV-0020 amount value_mismatch",
            "62 - missing_in_legacy",
        ])
        let warning = handler.events.first { $0.message.contains("compared whole") }
        #expect(warning?.level == .warning && warning?.metadata["parity.mapping"] == "invoices")
        #expect(warning?.message.contains("parity init --remove invoices, then parity init --add invoices") == true)
    }
}
