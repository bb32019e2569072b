import Foundation
import ParityConfig
import ParityModel

/// Whether a cycle can close now.
public enum CloseReadiness: Sendable, Hashable {
    /// Every source is complete through `end + settle`.
    case ready
    /// The clock has not reached `end + settle` yet.
    case notDue(until: Date)
    /// These sources are not yet complete through `end + settle` (no watermark counts as behind).
    case waiting(sources: [SourceSide])
}

extension CycleCalendar {
    /// Whether `window` can close at `now`, given each source's watermark (complete through).
    public func readiness(of window: CycleWindow, watermarks: [SourceSide: Date?], now: Date) -> CloseReadiness {
        let due = window.end.addingTimeInterval(settle.timeInterval)
        guard now >= due else { return .notDue(until: due) }
        let behind = SourceSide.allCases.filter { side in
            guard let watermark = watermarks[side] ?? nil else { return true }
            return watermark < due
        }
        return behind.isEmpty ? .ready : .waiting(sources: behind)
    }
}
