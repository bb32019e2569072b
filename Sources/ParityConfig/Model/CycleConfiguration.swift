/// How reconciliation cycles are cut (`cycle:`).
public struct CycleConfiguration: Sendable, Hashable {
    /// Length of a cycle.
    public var period: Duration
    /// Local time of day at which a cycle starts and the previous one ends.
    public var cutoff: TimeOfDay
    /// IANA time zone of the cutoff.
    public var timezone: String
    /// How long past a cycle's end both sources must be complete before it closes.
    public var settle: Duration
    /// A key changed this close to the cutoff on one side is carried to the next cycle once.
    public var grace: Duration

    /// Creates a cycle configuration.
    public init(
        period: Duration = .seconds(86_400),
        cutoff: TimeOfDay = TimeOfDay(hour: 0, minute: 0),
        timezone: String = "UTC",
        settle: Duration = .seconds(300),
        grace: Duration = .seconds(120)
    ) {
        self.period = period
        self.cutoff = cutoff
        self.timezone = timezone
        self.settle = settle
        self.grace = grace
    }
}

/// A wall-clock time `HH:MM`.
public struct TimeOfDay: Sendable, Hashable, CustomStringConvertible {
    /// Hour, 0–23.
    public var hour: Int
    /// Minute, 0–59.
    public var minute: Int

    /// Creates a time of day.
    public init(hour: Int, minute: Int) {
        self.hour = hour
        self.minute = minute
    }

    /// Parses `HH:MM` (24-hour clock, `H:MM` accepted).
    public init?(parsing text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let hour = Int(parts[0]), let minute = Int(parts[1]),
              (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.init(hour: hour, minute: minute)
    }

    /// `HH:MM`.
    public var description: String {
        (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }
}
