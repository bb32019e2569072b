import Foundation

/// One reconciliation cycle: the half-open interval `[start, end)` and its label.
public struct CycleWindow: Sendable, Hashable {
    /// First instant of the cycle.
    public var start: Date
    /// First instant after the cycle (the next cycle's start).
    public var end: Date
    /// `YYYY-MM-DD` (1-day periods), `YYYY-MM-DD/Nd` (multi-day) or the ISO-8601 UTC start (sub-day).
    public var label: String

    /// Creates a window.
    public init(start: Date, end: Date, label: String) {
        self.start = start
        self.end = end
        self.label = label
    }

    /// Whether `instant` lies in `[start, end)`.
    public func contains(_ instant: Date) -> Bool {
        start <= instant && instant < end
    }
}
