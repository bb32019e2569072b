import Foundation
import ParityConfig
import ParityModel
import ReplicationStream

/// Whether the service is ready: both sources streaming with a message received recently, and the store writable.
struct Readiness: Encodable, Sendable {
    /// One source's part in readiness.
    struct Source: Encodable, Sendable {
        var source: String
        /// `streaming`, `connecting`, `reconnecting`, `stopped`, `failed` or `not_started`.
        var status: String
        /// Seconds since the last message from the server; nil before the first.
        var lastMessageAgeSeconds: Int?
        var ready: Bool
    }

    /// A source counts as streaming only if a message arrived within this time (keepalives come every
    /// `wal_sender_timeout / 2`, 30 s by default).
    static let staleAfter: TimeInterval = 90

    var ready: Bool
    var sources: [Source]
    var storeWritable: Bool
    /// What keeps the service from being ready, one line each (`new: reconnecting`).
    var problems: [String]

    init(states: [(side: SourceSide, state: ReplicationStreamState)], storeWritable: Bool, now: Date) {
        sources = states.map { side, state in
            let age = state.lastMessageTime.map { max(0, Int(now.timeIntervalSince($0))) }
            let streaming = state.status == .streaming && age.map { Double($0) <= Self.staleAfter } == true
            return Source(source: side.rawValue, status: Self.name(state.status), lastMessageAgeSeconds: age, ready: streaming)
        }
        self.storeWritable = storeWritable
        problems = sources.filter { !$0.ready }.map { source in
            source.status == "streaming"
                ? "\(source.source): no message for over \(Int(Self.staleAfter))s"
                : "\(source.source): \(source.status)"
        }
        if !storeWritable { problems.append("store: not writable") }
        ready = problems.isEmpty
    }

    /// A stream status as one word.
    static func name(_ status: ReplicationStreamState.Status) -> String {
        switch status {
        case .notStarted: "not_started"
        case .connecting: "connecting"
        case .streaming: "streaming"
        case .reconnecting: "reconnecting"
        case .stopped: "stopped"
        case .failed: "failed"
        }
    }
}
