import Foundation
import ParityEngine
import Reconciliation
import Reports
import Testing

@Suite("The end-of-day report of a real baseline in every format")
struct EndOfDayReportTests {
    @Test("a <script> value appears only escaped, a pii value in no format; categories, unmapped columns, stale rules, capture")
    func everyFormat() throws {
        let scenario = try CaptureScenario(
            extraYAML: """
                gate: { stale_after_cycles: 1 }
                dispositions:
                  - { table: orders, column: status, kind: value_mismatch, disposition: intentional_change }
                  - { table: lines, column: qty, kind: value_mismatch, disposition: legacy_bug, owner: finance }
                """,
            noteColumn: "{ legacy: note, new: note, pii: true }",
            newSetup: """
                ALTER TABLE orders ALTER COLUMN status TYPE text;
                ALTER TABLE orders ADD COLUMN tenant text DEFAULT 't1';
                UPDATE orders SET status = '<script>alert(1)</script>' WHERE id = 1;
                UPDATE orders SET note = 'secret-pii' WHERE id = 2;
                """)
        defer { scenario.stop() }
        _ = try CycleCloser.close(scenario.configuration, store: scenario.store)
        let report = try EndOfDayLoader.load(scenario.configuration, store: scenario.store, cycle: 0)

        let outputs = OutputFormat.allCases.map { EndOfDayRenderer.render(report, format: $0) }
        for output in outputs { #expect(!output.contains("secret-pii")) }
        let html = EndOfDayRenderer.render(report, format: .html)
        #expect(!html.contains("<script") && html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(EndOfDayRenderer.render(report, format: .csv).contains("0,orders,id=2,note,value_mismatch,,***,,,\r\n"))

        #expect(report.categories.map { "\($0.column ?? "-") \($0.disposition?.rawValue ?? "none") \($0.count) \($0.sampleKeys)" }
            == [#"note none 1 ["id=2"]"#, #"status intentional_change 1 ["id=1"]"#])
        #expect(report.unmappedColumns.first { $0.table == "orders" } == .init(table: "orders", legacy: [], new: ["tenant"]))
        #expect(report.staleDispositions.map(\.table) == ["lines"])
        #expect(report.capture.map(\.side) == [.legacy, .new] && report.capture.allSatisfy { $0.durableLSN.contains("/") })

        let json = try #require(try JSONSerialization.jsonObject(with: Data(outputs[1].utf8)) as? [String: Any])
        #expect(Set(json.keys).isSuperset(of: ["categories", "capture", "stale_dispositions", "unmapped_columns", "carried_keys"]))
        let capture = try #require(json["capture"] as? [[String: Any]])
        #expect(capture.allSatisfy { Set($0.keys) == ["side", "durable_lsn", "watermark", "last_error"] })
        let categories = try #require(json["categories"] as? [[String: Any]])
        #expect(categories.first?["sample_keys"] as? [String] == ["id=2"])
    }
}
