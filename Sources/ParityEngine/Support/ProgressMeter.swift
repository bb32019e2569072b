import Foundation
import Reconciliation
import SourceQueries

/// Turns progress into lines for people: rows or keys so far of the estimated total, the rate, and the time left. On
/// a terminal every report makes a line (rewritten in place by the caller; ``terminalView(for:at:)`` when several
/// subjects report at once); in a log, at most one line per `interval` per subject, and always the line that ends one.
public struct ProgressMeter: Sendable {
    /// The least time between two log lines of one table.
    public let interval: TimeInterval
    /// Whether every report makes a line (a terminal), or only one per `interval` (a log).
    public let everyReport: Bool
    private var started: [String: Date] = [:]
    private var lastLine: [String: Date] = [:]
    /// The latest report of each subject still going and when it came, in the order the subjects started.
    private var going: [(report: WorkProgress, at: Date)] = []

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

    /// What a terminal shows after `report` received at `now`: the line of a subject that ended, printed once above,
    /// and the line of the subjects still going, rewritten in place. Several subjects at once (both sources copying)
    /// share that line, each with its part done, and the time left of the slowest:
    /// `legacy orders 25% · new orders 20%, about 16 s left`.
    public mutating func terminalView(for report: WorkProgress, at now: Date) -> TerminalProgressView {
        let start = started[report.subject] ?? now
        if let index = going.firstIndex(where: { $0.report.subject == report.subject }) {
            going.remove(at: index)
            if !report.done { going.insert((report, now), at: index) }
        } else if !report.done {
            going.append((report, now))
        }
        started[report.subject] = report.done ? nil : start
        let ended = report.done ? Self.text(report, table: report.subject, elapsed: now.timeIntervalSince(start)) : nil
        return TerminalProgressView(ended: ended, going: goingLine())
    }

    /// The line of the subjects still going: one subject's full line, or every subject's share and the longest time
    /// left, each at the rate of its latest report.
    private func goingLine() -> String? {
        let reports = going.map { (report: $0.report, elapsed: $0.at.timeIntervalSince(started[$0.report.subject] ?? $0.at)) }
        guard reports.count > 1 else { return reports.first.map { Self.text($0.report, table: $0.report.subject, elapsed: $0.elapsed) } }
        let shares = reports.map(\.report).map { report in
            guard let estimate = report.estimated, estimate > 0 else { return "\(report.subject) \(Self.count(report.count)) \(report.unit)" }
            return "\(report.subject) \(min(100, report.count * 100 / estimate))%"
        }
        let left = reports.compactMap { report, seconds -> TimeInterval? in
            guard seconds > 0, report.count > 0, let estimate = report.estimated, estimate > report.count else { return nil }
            return Double(estimate - report.count) * seconds / Double(report.count)
        }.max()
        return shares.joined(separator: " · ") + (left.map { ", about \(Self.duration($0)) left" } ?? "")
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

/// What a terminal shows after a progress report (``ProgressMeter/terminalView(for:at:)``).
public struct TerminalProgressView: Sendable, Equatable {
    /// The last line of a subject that ended, to print once above the line rewritten in place; nil when none ended.
    public var ended: String?
    /// The line of the subjects still going, rewritten in place; nil when none is going.
    public var going: String?
}
