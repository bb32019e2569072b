import Foundation
import Reconciliation

/// Renders `parity status` as text or `parity.status/1` JSON.
public enum StatusRenderer {
    public static func render(_ sources: [SourceStatus], format: OutputFormat, now: Date = Date()) -> String {
        format == .json ? JSONRendering.render(StatusDocument(sources)) : text(sources, now: now)
    }

    /// How long ago a store time was, roughly: `42s`, `17m`, `5h`.
    static func age(_ micros: Int64, now: Date) -> String {
        let seconds = max(0, Int(now.timeIntervalSince(StoreTime.date(micros))))
        if seconds < 120 { return "\(seconds)s" }
        if seconds < 7200 { return "\(seconds / 60)m" }
        return "\(seconds / 3600)h"
    }

    private static func text(_ sources: [SourceStatus], now: Date) -> String {
        guard !sources.isEmpty else { return "no source is initialized; run parity init\n" }
        var lines: [String] = []
        for source in sources {
            lines.append("\(source.side)  slot \(source.slot)")
            lines.append("  durable through   \(source.checkpointLSN)")
            lines.append("  watermark         \(StoreTime.iso(micros: source.watermark)) (\(StatusRenderer.age(source.watermark, now: now)) ago)")
            if let commit = source.lastCommitTime { lines.append("  last commit       \(StoreTime.iso(micros: commit))") }
            if let message = source.lastMessageAt { lines.append("  last message      \(StoreTime.iso(micros: message))") }
            if let server = source.server {
                if server.exists {
                    lines.append("  slot              \(server.active ? "active" : "inactive"), wal_status \(server.walStatus ?? "unknown"), confirmed \(server.confirmedFlushLSN ?? "none")")
                    lines.append("  lag               \(server.lagBytes) bytes; WAL retained \(server.retainedBytes) bytes")
                } else {
                    lines.append("  slot              MISSING on the server: run parity teardown, delete the store, and parity init again")
                }
            }
            if let error = source.serverError { lines.append("  server            unreachable: \(error)") }
            if let error = source.lastError { lines.append("  last error        \(error)") }
        }
        return lines.joined(separator: "\n") + "\n"
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

        enum CodingKeys: String, CodingKey {
            case source, slot, durableLSN = "durable_lsn", watermark, lastCommit = "last_commit", lastMessage = "last_message"
            case lastError = "last_error", slotExists = "slot_exists", slotActive = "slot_active", walStatus = "wal_status"
            case lagBytes = "lag_bytes", retainedWALBytes = "retained_wal_bytes", serverError = "server_error"
        }
    }

    let schema = "parity.status/1"
    let sources: [Source]

    init(_ sources: [SourceStatus]) {
        self.sources = sources.map { status in
            Source(
                source: status.side, slot: status.slot, durableLSN: status.checkpointLSN, watermark: StoreTime.iso(micros: status.watermark),
                lastCommit: status.lastCommitTime.map(StoreTime.iso(micros:)), lastMessage: status.lastMessageAt.map(StoreTime.iso(micros:)),
                lastError: status.lastError, slotExists: status.server?.exists, slotActive: status.server?.active,
                walStatus: status.server?.walStatus, lagBytes: status.server?.lagBytes,
                retainedWALBytes: status.server?.retainedBytes, serverError: status.serverError)
        }
    }
}
