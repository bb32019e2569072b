import Foundation
import Reconciliation
import SourceQueries

/// Turns progress into lines for people: rows or keys so far of the estimated total, the rate, and the time left. On
/// a terminal every report makes a line (rewritten in place by the caller); in a log, at most one line per `interval`
/// per subject, and always the line that ends one.
public struct ProgressMeter: Sendable {
    /// The least time between two log lines of one table.
    public let interval: TimeInterval
    /// Whether every report makes a line (a terminal), or only one per `interval` (a log).
    public let everyReport: Bool
    private var started: [String: Date] = [:]
    private var lastLine: [String: Date] = [:]

    /// Creates a meter.
    public init(everyReport: Bool, interval: TimeInterval = 10) {
        self.everyReport = everyReport
        self.interval = interval
    }

    /// The line to show for `report` received at `now`, or nil when a log line is not due.
    public mutating func line(for report: WorkProgress, at now: Date) -> String? {
        let table = report.subject
        let start = started[table] ?? now
        started[table] = start
        if report.done {
            started[table] = nil
            lastLine[table] = nil
        } else if !everyReport {
            if let last = lastLine[table], now.timeIntervalSince(last) < interval { return nil }
            if report.count == 0 { lastLine[table] = now; return nil }
            lastLine[table] = now
        }
        return Self.text(report, table: table, elapsed: now.timeIntervalSince(start))
    }

    /// `legacy orders: 120,000 of ~1,000,000 rows (12%), 85,000 rows/s, about 11 s left`; at the end,
    /// `legacy orders: 1,000,000 rows in 12 s (83,333 rows/s)`.
    static func text(_ report: WorkProgress, table: String, elapsed: TimeInterval) -> String {
        let unit = report.unit
        let rate = elapsed > 0 ? Double(report.count) / elapsed : nil
        let rateText = rate.map { "\(count(Int($0.rounded()))) \(unit)/s" }
        if report.done {
            return "\(table): \(count(report.count)) \(unit) in \(duration(elapsed))" + (rateText.map { " (\($0))" } ?? "")
        }
        var parts = ["\(table): \(count(report.count))"]
        if let estimate = report.estimated, estimate > 0 {
            parts[0] += " of ~\(count(estimate)) \(unit) (\(min(100, report.count * 100 / estimate))%)"
        } else {
            parts[0] += " \(unit)"
        }
        if let rateText { parts.append(rateText) }
        if let rate, rate > 0, let estimate = report.estimated, estimate > report.count {
            parts.append("about \(duration(Double(estimate - report.count) / rate)) left")
        }
        return parts.joined(separator: ", ")
    }

    /// `1,234,567`.
    static func count(_ value: Int) -> String {
        Humanized.amount(String(value))
    }

    /// `42 s`, `3 min 5 s`, `1 h 2 min`.
    static func duration(_ seconds: TimeInterval) -> String {
        let whole = max(0, Int(seconds.rounded()))
        if whole < 60 { return "\(whole) s" }
        if whole < 3600 { return "\(whole / 60) min \(whole % 60) s" }
        return "\(whole / 3600) h \(whole % 3600 / 60) min"
    }
}
