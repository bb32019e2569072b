import Foundation
import ParityConfig
import ParityModel
import ReplicationStream

/// Whether the service is ready: both sources streaming with a message received recently, and the store writable.
struct Readiness: Encodable, Sendable {
    /// One source's part in readiness.
    struct Source: Encodable, Sendable {
        var source: String
        /// `streaming`, `connecting`, `reconnecting`, `stopped`, `failed` or `not_started`; `other_process` for a source
        /// another worker captures.
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

    /// Readiness from the streams of the sources captured in this process (`states`) and, for a worker, the last
    /// message another process's capture stored for each other source (`elsewhere`; status `other_process`).
    init(
        states: [(side: SourceSide, state: ReplicationStreamState)], elsewhere: [(side: SourceSide, lastMessage: Date?)] = [],
        storeWritable: Bool, now: Date
    ) {
        func age(_ time: Date?) -> Int? { time.map { max(0, Int(now.timeIntervalSince($0))) } }
        let local = states.map { side, state in
            let age = age(state.lastMessageTime)
            let streaming = state.status == .streaming && age.map { Double($0) <= Self.staleAfter } == true
            return (side, Source(source: side.rawValue, status: Self.name(state.status), lastMessageAgeSeconds: age, ready: streaming))
        }
        let remote = elsewhere.map { side, time in
            let age = age(time)
            return (side, Source(
                source: side.rawValue, status: Self.otherProcess, lastMessageAgeSeconds: age,
                ready: age.map { Double($0) <= Self.staleAfter } == true))
        }
        sources = SourceSide.allCases.compactMap { side in (local + remote).first { $0.0 == side }?.1 }
        self.storeWritable = storeWritable
        problems = sources.filter { !$0.ready }.map { source in
            switch source.status {
            case "streaming": "\(source.source): no message for over \(Int(Self.staleAfter))s"
            case Self.otherProcess: "\(source.source): no capture stored a message for over \(Int(Self.staleAfter))s (no worker captures it?)"
            default: "\(source.source): \(source.status)"
            }
        }
        if !storeWritable { problems.append("store: not writable") }
        ready = problems.isEmpty
    }

    /// The status of a source captured by another process (a worker's other source).
    static let otherProcess = "other_process"

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
