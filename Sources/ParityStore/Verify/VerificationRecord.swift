import ParityModel

/// One recorded `parity verify` run (times in µs since 1970).
public struct VerificationRecord: Sendable, Equatable {
    /// What was verified.
    public enum Mode: String, Sendable {
        /// The store against each source at an exact WAL position.
        case sources
        /// The ledger against a full comparison of the stored state.
        case state
    }

    /// Assigned by the store; ignored when recording.
    public var id: Int64
    /// What was verified.
    public var mode: Mode
    /// When the check ended (local clock).
    public var checkedAt: Int64
    /// Whether it found nothing wrong.
    public var passed: Bool
    /// Capture drifts (`sources`) or ledger discrepancies (`state`) found.
    public var problems: Int
    /// The sources checked (`legacy`, `new`); empty for `state`.
    public var sources: [SourceSide]
    /// The full `parity.verify/1` JSON document.
    public var report: String

    /// Creates a record.
    public init(id: Int64 = 0, mode: Mode, checkedAt: Int64, passed: Bool, problems: Int, sources: [SourceSide], report: String) {
        self.id = id
        self.mode = mode
        self.checkedAt = checkedAt
        self.passed = passed
        self.problems = problems
        self.sources = sources
        self.report = report
    }
}
