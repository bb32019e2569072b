import Foundation

/// Turns copy progress into lines for people: rows read of the estimated total, the rate, and the time left. On a
/// terminal every report makes a line (rewritten in place by the caller); in a log, at most one line per `interval`
/// per table, and always the line that ends a table.
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
    public mutating func line(for report: CopyProgress, at now: Date) -> String? {
        let table = "\(report.side.rawValue) \(report.mapping)"
        let start = started[table] ?? now
        started[table] = start
        if report.done {
            started[table] = nil
            lastLine[table] = nil
        } else if !everyReport {
            if let last = lastLine[table], now.timeIntervalSince(last) < interval { return nil }
            if report.rows == 0 { lastLine[table] = now; return nil }
            lastLine[table] = now
        }
        return Self.text(report, table: table, elapsed: now.timeIntervalSince(start))
    }

    /// `legacy orders: 120,000 of ~1,000,000 rows (12%), 85,000 rows/s, about 11 s left`; at the end,
    /// `legacy orders: 1,000,000 rows in 12 s (83,333 rows/s)`.
    static func text(_ report: CopyProgress, table: String, elapsed: TimeInterval) -> String {
        let rate = elapsed > 0 ? Double(report.rows) / elapsed : nil
        let rateText = rate.map { "\(count(Int($0.rounded()))) rows/s" }
        if report.done {
            return "\(table): \(count(report.rows)) rows in \(duration(elapsed))" + (rateText.map { " (\($0))" } ?? "")
        }
        var parts = ["\(table): \(count(report.rows))"]
        if let estimate = report.estimatedRows, estimate > 0 {
            parts[0] += " of ~\(count(estimate)) rows (\(min(100, report.rows * 100 / estimate))%)"
        } else {
            parts[0] += " rows"
        }
        if let rateText { parts.append(rateText) }
        if let rate, rate > 0, let estimate = report.estimatedRows, estimate > report.rows {
            parts.append("about \(duration(Double(estimate - report.rows) / rate)) left")
        }
        return parts.joined(separator: ", ")
    }

    /// `1,234,567`.
    static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    /// `42 s`, `3 min 5 s`, `1 h 2 min`.
    static func duration(_ seconds: TimeInterval) -> String {
        let whole = max(0, Int(seconds.rounded()))
        if whole < 60 { return "\(whole) s" }
        if whole < 3600 { return "\(whole / 60) min \(whole % 60) s" }
        return "\(whole / 3600) h \(whole % 3600 / 60) min"
    }
}
