import Foundation
import ParityModel

/// The last `parity verify` of each kind, and the oldest clean `--sources` one the gate accepts.
public struct VerificationStatus: Sendable, Equatable {
    /// One recorded verification.
    public struct Run: Sendable, Equatable {
        /// When the check ended.
        public var checkedAt: Date
        /// Whether it found nothing wrong.
        public var passed: Bool
        /// Capture drifts (`--sources`) or ledger discrepancies (`--state`).
        public var problems: Int
        /// The sources checked (`--sources`).
        public var sources: [SourceSide]

        /// Creates a run.
        public init(checkedAt: Date, passed: Bool, problems: Int, sources: [SourceSide] = []) {
            self.checkedAt = checkedAt
            self.passed = passed
            self.problems = problems
            self.sources = sources
        }
    }

    /// The last full `--sources` run, if any.
    public var lastSources: Run?
    /// The last `--state` run, if any.
    public var lastState: Run?
    /// `verify.max_age`.
    public var maxAge: Duration

    /// Creates the status.
    public init(lastSources: Run? = nil, lastState: Run? = nil, maxAge: Duration = .seconds(8 * 86_400)) {
        self.lastSources = lastSources
        self.lastState = lastState
        self.maxAge = maxAge
    }
}
