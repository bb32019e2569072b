import Foundation
import ParityModel
import Reconciliation

/// Renders `parity status` as text or `parity.status/1` JSON.
public enum StatusRenderer {
    /// Renders the sources and the verdict `health` (``CaptureHealth/judge(_:maxLag:now:)``) at `now`.
    public static func render(_ sources: [SourceStatus], health: CaptureHealth, format: OutputFormat, now: Date = Date()) -> String {
        format == .json ? JSONRendering.render(StatusDocument(sources, health: health, now: now)) : text(sources, health: health, now: now)
    }

    private static func text(_ sources: [SourceStatus], health: CaptureHealth, now: Date) -> String {
        guard !sources.isEmpty else { return "no source is initialized; run parity init\n" }
        var lines: [String] = ["\(label(health.level))" + (health.reasons.isEmpty ? "" : ": " + health.reasons.joined(separator: "; "))]
        for source in sources {
            lines.append("\(source.side)  slot \(source.slot)")
            lines.append("  durable through   \(source.checkpointLSN)")
            lines.append("  watermark         \(StoreTime.iso(micros: source.watermark)) (\(Humanized.duration(seconds: Int64(source.lagSeconds(now: now)))) ago)")
            if let commit = source.lastCommitTime { lines.append("  last commit       \(StoreTime.iso(micros: commit))") }
            if let message = source.lastMessageAt { lines.append("  last message      \(StoreTime.iso(micros: message))") }
            if let server = source.server {
                if server.exists {
                    lines.append("  slot              \(server.active ? "active" : "inactive"), wal_status \(server.walStatus ?? "unknown"), confirmed \(server.confirmedFlushLSN ?? "none")")
                    if let holder = server.holder { lines.append("  held by           \(holder)") }
                    lines.append("  lag               \(Humanized.bytes(server.lagBytes)) of WAL unconfirmed; WAL retained \(Humanized.bytes(server.retainedBytes))")
                }
                if let problem = source.slotProblem {
                    lines.append("  slot problem      \(problem.summary(slot: source.slot))")
                }
            }
            if let error = source.serverError { lines.append("  server            unreachable: \(error)") }
            if let error = source.lastError { lines.append("  last error        \(error)") }
        }
        return Escaping.lines(lines)
    }

    /// `HEALTHY`, `DEGRADED`, `FAILED`.
    static func label(_ level: CaptureHealth.Level) -> String {
        switch level {
        case .healthy: "HEALTHY"
        case .degraded: "DEGRADED"
        case .failed: "FAILED"
        }
    }
}

/// `parity.status/1`.
struct StatusDocument: Encodable {
    struct Source: Encodable {
        let source: String
        let slot: String
        let durableLSN: String
        let watermark: String
        let lastCommit: String?
        let lastMessage: String?
        let lastError: String?
        let slotExists: Bool?
        let slotActive: Bool?
        let walStatus: String?
        let lagBytes: Int64?
        let retainedWALBytes: Int64?
        let serverError: String?
        let lagSeconds: Int
        let slotHolder: String?
        let slotProblem: String?

        enum CodingKeys: String, CodingKey {
            case source, slot, durableLSN = "durable_lsn", watermark, lastCommit = "last_commit", lastMessage = "last_message"
            case lastError = "last_error", slotExists = "slot_exists", slotActive = "slot_active", walStatus = "wal_status"
            case lagBytes = "lag_bytes", retainedWALBytes = "retained_wal_bytes", serverError = "server_error"
            case lagSeconds = "lag_seconds", slotHolder = "slot_holder", slotProblem = "slot_problem"
        }
    }

    /// The verdict, as the exit code says it.
    struct Health: Encodable {
        let status: String
        let exitCode: Int
        let reasons: [String]

        enum CodingKeys: String, CodingKey {
            case status, exitCode = "exit_code", reasons
        }
    }

    let schema = "parity.status/1"
    let health: Health
    let sources: [Source]

    init(_ sources: [SourceStatus], health: CaptureHealth, now: Date) {
        self.health = Health(status: StatusRenderer.label(health.level).lowercased(), exitCode: health.level.rawValue, reasons: health.reasons)
        self.sources = sources.map { status in
            Source(
                source: status.side.rawValue, slot: status.slot, durableLSN: status.checkpointLSN, watermark: StoreTime.iso(micros: status.watermark),
                lastCommit: status.lastCommitTime.map(StoreTime.iso(micros:)), lastMessage: status.lastMessageAt.map(StoreTime.iso(micros:)),
                lastError: status.lastError, slotExists: status.server?.exists, slotActive: status.server?.active,
                walStatus: status.server?.walStatus, lagBytes: status.server?.lagBytes,
                retainedWALBytes: status.server?.retainedBytes, serverError: status.serverError, lagSeconds: status.lagSeconds(now: now),
                slotHolder: status.server?.holder, slotProblem: status.slotProblem.map { $0.summary(slot: status.slot) })
        }
    }
}
