import Foundation

/// `parity status`'s verdict over both sources, as its exit code says it: healthy (0), degraded (1: lag over the
/// threshold, a slot whose WAL is no longer fully reserved), or failed (3: a source unreachable, a slot missing,
/// lost or recreated, nothing initialized).
public struct CaptureHealth: Sendable, Equatable {
    /// How bad it is.
    public enum Level: Int, Sendable, Comparable {
        case healthy = 0
        case degraded = 1
        case failed = 3

        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The worst level found.
    public var level: Level
    /// One line per problem, `legacy: …`.
    public var reasons: [String]

    /// Judges `sources` at `now`; lag is the age of a source's watermark (how far "complete through" trails now).
    public static func judge(_ sources: [SourceStatus], maxLag: Duration, now: Date) -> CaptureHealth {
        guard !sources.isEmpty else { return CaptureHealth(level: .failed, reasons: ["no source is initialized"]) }
        var health = CaptureHealth(level: .healthy, reasons: [])
        for source in sources {
            guard let server = source.server else {
                health.add(.failed, "\(source.side): the source cannot be reached" + (source.serverError.map { " (\($0))" } ?? ""))
                continue
            }
            if let problem = SlotProblem.of(server, storeCheckpoint: source.checkpointLSN) {
                health.add(.failed, "\(source.side): " + problem.summary(slot: source.slot))
                continue
            }
            if let status = server.walStatus, status != "reserved" {
                health.add(.degraded, "\(source.side): slot wal_status is \(status): its WAL is no longer fully reserved")
            }
            let lag = source.lagSeconds(now: now)
            if Double(lag) > maxLag.timeInterval {
                health.add(.degraded, "\(source.side): lag \(Humanized.duration(seconds: Int64(lag))) is over \(Humanized.duration(seconds: Int64(maxLag.timeInterval)))")
            }
        }
        return health
    }

    private mutating func add(_ level: Level, _ reason: String) {
        self.level = max(self.level, level)
        reasons.append(reason)
    }
}

extension SourceStatus {
    /// Seconds the watermark trails `now`.
    public func lagSeconds(now: Date) -> Int {
        max(0, Int((now.timeIntervalSince1970 * 1_000_000 - Double(watermark)) / 1_000_000))
    }

    /// What makes the slot unusable, when the server could be asked.
    public var slotProblem: SlotProblem? {
        server.flatMap { SlotProblem.of($0, storeCheckpoint: checkpointLSN) }
    }
}
