/// How far a long piece of work is: a table's copy while `init` and `verify` read a source, a mapping's comparison
/// while a cycle closes. ``ProgressMeter`` turns reports into lines for people.
public struct WorkProgress: Sendable, Equatable {
    /// Receives progress reports.
    public typealias Sink = @Sendable (WorkProgress) -> Void

    /// What is worked through, as the line names it (`legacy orders`, `cycle 12 2026-11-20 orders`).
    public var subject: String
    /// What is counted (`rows`, `keys`).
    public var unit: String
    /// How many so far.
    public var count: Int
    /// How many there will be, when known (the planner's estimate of a table's rows); nil otherwise.
    public var estimated: Int?
    /// Whether the work is finished.
    public var done: Bool

    /// Creates a report.
    public init(subject: String, unit: String, count: Int, estimated: Int?, done: Bool) {
        self.subject = subject
        self.unit = unit
        self.count = count
        self.estimated = estimated
        self.done = done
    }
}
