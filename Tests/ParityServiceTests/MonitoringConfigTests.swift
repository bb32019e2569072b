import Foundation
import Testing

/// Issue 27: what ships for monitoring is valid: the alert rules pass `promtool check rules`, and the Grafana dashboard
/// queries only metrics the service exposes.
@Suite("Shipped alert rules and dashboard")
struct MonitoringConfigTests {
    static let config = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("config")

    @Test("config/alerts.yml passes promtool check rules and covers capture down, lag, retained WAL, cycle overdue, gate failing")
    func alertRules() throws {
        let path = Self.config.appendingPathComponent("alerts.yml").path
        #expect(try Promtool.check(["rules", path]) == "")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for alert in [
            "ParityCaptureDown", "ParityCaptureLagging", "ParitySlotRetainsWAL", "ParityCycleOverdue", "ParityGateFailing", "ParityStoreUnreadable",
        ] {
            #expect(text.contains("alert: \(alert)"))
        }
    }

    @Test("the Grafana dashboard is JSON whose queries name only parity_ metrics the service exposes")
    func dashboard() throws {
        let data = try Data(contentsOf: Self.config.appendingPathComponent("grafana/parity-dashboard.json"))
        let dashboard = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let panels = try #require(dashboard["panels"] as? [[String: Any]])
        let expressions = panels.flatMap { panel in ((panel["targets"] as? [[String: Any]]) ?? []).compactMap { $0["expr"] as? String } }
        #expect(expressions.count >= 10)
        let exposed = ServiceMetricNames.all
        for expression in expressions {
            let names = expression.matches(of: /parity_[a-z_]+/).map { String($0.output) }
            #expect(!names.isEmpty && names.allSatisfy { name in exposed.contains { name.hasPrefix($0) } }, "\(expression)")
        }
    }
}

/// The metric families `/metrics` exposes (histogram series add `_bucket`, `_sum`, `_count`).
enum ServiceMetricNames {
    static let all = [
        "parity_capture_lag_bytes", "parity_capture_lag_seconds", "parity_capture_streaming", "parity_capture_slot_retained_wal_bytes",
        "parity_capture_slot_readable", "parity_capture_changes_total", "parity_capture_transactions_total", "parity_capture_reconnects_total",
        "parity_capture_commit_to_durable_seconds", "parity_cycles_closed_total", "parity_last_cycle_id",
        "parity_last_cycle_end_timestamp_seconds", "parity_last_cycle_closed_timestamp_seconds", "parity_last_cycle_findings",
        "parity_last_cycle_unexplained_rate", "parity_gate_result", "parity_open_differences",
        "parity_open_difference_oldest_age_seconds", "parity_build_info", "parity_store_readable", "parity_fold_waiting_seconds",
    ]
}
