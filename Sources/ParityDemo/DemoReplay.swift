import Foundation
import ParityConfig
import ParityEngine
import ParityStore
import PostgresClient
import Reconciliation
import SourceQueries

/// Replays one simulated business day at a time: writes it early in a cycle, then closes that cycle.
struct DemoReplay {
    let configuration: ParityConfiguration
    let calendar: CycleCalendar
    let store: any Store
    let session: CaptureSession
    let traffic: DemoTraffic
    let legacy: PostgresConnection
    let modern: PostgresConnection

    func close() {
        legacy.close()
        modern.close()
    }

    /// Writes `day` to both systems (one transaction per order on each side) and closes its cycle;
    /// returns the cycle's id and the defects planted.
    func replay(day: Int, progress: (String) -> Void) throws -> (Int64, [String]) {
        let window = waitForEarlyWindow()
        var planted: [String: Int] = [:]
        let orders = traffic.orders(day: day)
        for order in orders {
            let defect = traffic.defect(order, day: day)
            if let defect { planted[defect.rawValue, default: 0] += 1 }
            try legacy.execute(unsafeScript: traffic.legacy(order).joined(separator: ";\n"))
            let modernStatements = traffic.modern(order, defect: defect)
            if !modernStatements.isEmpty { try modern.execute(unsafeScript: modernStatements.joined(separator: ";\n")) }
        }
        let defects = planted.keys.sorted().map { "day \(day): \($0) (\(planted[$0]!) orders)" }
        progress("day \(day) (\(traffic.date(day))): \(orders.count) orders written to both systems"
            + (defects.isEmpty ? "" : "; planted " + planted.keys.sorted().map { "\($0) ×\(planted[$0]!)" }.joined(separator: ", ")))
        let cycle = try closeThrough(window)
        progress("  closed cycle \(cycle.id): \(cycle.keysCompared) keys compared, unexplained rate \(cycle.unexplainedRate)")
        return (cycle.id, defects)
    }

    /// The next window the clock is still in the first half of (sleeping until it starts when needed).
    private func waitForEarlyWindow() -> CycleWindow {
        var window = calendar.window(containing: Date())
        let length = window.end.timeIntervalSince(window.start)
        if Date().timeIntervalSince(window.start) > length / 2 { window = calendar.window(after: window) }
        let start = window.start.addingTimeInterval(min(0.2, length / 10))
        if start > Date() { Thread.sleep(until: start) }
        return window
    }

    /// Heartbeats both databases (so their watermarks move) and closes until `window` is closed (at most 60 s).
    private func closeThrough(_ window: CycleWindow) throws -> CycleRecord {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            try legacy.execute(unsafeScript: "INSERT INTO demo_heartbeat DEFAULT VALUES")
            try modern.execute(unsafeScript: "INSERT INTO demo_heartbeat DEFAULT VALUES")
            try session.waitUntilCaughtUp(configuration: configuration, timeout: .seconds(30))
            _ = try CycleCloser.close(configuration, store: store)
            if let cycle = try store.cycles().first(where: { $0.label == window.label }) { return cycle }
            Thread.sleep(forTimeInterval: 0.25)
        }
        throw EngineError(.timedOut, source: nil, message: "cycle \(window.label) did not close within 60 s",
                          fix: "check parity status --config for a source that stopped streaming")
    }
}
