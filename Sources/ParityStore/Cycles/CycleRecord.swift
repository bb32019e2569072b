import ParityModel

/// One closed reconciliation cycle as the store keeps it (times in µs since 1970).
public struct CycleRecord: Sendable, Equatable {
    /// 0 for the baseline, then 1, 2, … in calendar order.
    public var id: Int64
    /// The calendar's label for the cycle (`baseline` for cycle 0).
    public var label: String
    /// First instant of the cycle.
    public var start: Int64
    /// First instant after the cycle: changes committed before it are folded.
    public var end: Int64
    /// `closed`, or `forced` when closed before both sources were complete through `end + settle`.
    public var status: CycleStatus
    /// When the cycle was closed (local clock).
    public var closedAt: Int64
    /// Keys compared over every mapping.
    public var keysCompared: Int
    /// The unexplained diff rate as exact decimal text.
    public var unexplainedRate: String

    /// Creates a record.
    public init(
        id: Int64, label: String, start: Int64, end: Int64, status: CycleStatus, closedAt: Int64, keysCompared: Int,
        unexplainedRate: String
    ) {
        self.id = id
        self.label = label
        self.start = start
        self.end = end
        self.status = status
        self.closedAt = closedAt
        self.keysCompared = keysCompared
        self.unexplainedRate = unexplainedRate
    }
}
