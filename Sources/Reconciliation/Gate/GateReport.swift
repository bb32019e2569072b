import Foundation
import ParityModel

/// The decommission gate's verdict: one result per criterion with evidence, and the overall result.
public struct GateReport: Sendable, Equatable {
    /// A criterion's or the gate's outcome.
    public enum Result: String, Sendable, Equatable {
        /// Met.
        case pass
        /// Not met.
        case fail
        /// Cannot be decided: too few cycles, or an input is not available.
        case notEvaluated = "not_evaluated"
    }

    /// The closed cycles evaluated, first and last.
    public struct Window: Sendable, Equatable {
        /// The first cycle's id.
        public var firstCycleID: Int64
        /// The first cycle's label.
        public var firstLabel: String
        /// The last cycle's id.
        public var lastCycleID: Int64
        /// The last cycle's label.
        public var lastLabel: String

        /// Creates a window.
        public init(firstCycleID: Int64, firstLabel: String, lastCycleID: Int64, lastLabel: String) {
            self.firstCycleID = firstCycleID
            self.firstLabel = firstLabel
            self.lastCycleID = lastCycleID
            self.lastLabel = lastLabel
        }
    }

    /// Pass, fail or not evaluated overall.
    public var result: Result
    /// When the gate was evaluated.
    public var evaluatedAt: Date
    /// The instant the evidence is as of (the last closed cycle's end), if any.
    public var asOf: Date?
    /// The cycles evaluated; nil when none is closed.
    public var window: Window?
    /// Hash of the configuration the gate was evaluated with.
    public var configHash: String
    /// One entry per criterion, in evaluation order.
    public var criteria: [GateCriterion]
    /// Sources that could not be reached while a criterion needed them (the CLI exits 3).
    public var unreachableSources: [SourceSide]
    /// Contracts known and the last export, shown whether or not the gate requires an export; nil when not read.
    public var contracts: ContractsStatus?
    /// The decision on each category judged, with owner and note (`GateInput.decisions`).
    public var decisions: [CategoryVerdict] = []

    /// Creates a report.
    public init(
        result: Result, evaluatedAt: Date, asOf: Date?, window: Window?, configHash: String, criteria: [GateCriterion],
        unreachableSources: [SourceSide] = [], contracts: ContractsStatus? = nil
    ) {
        self.result = result
        self.evaluatedAt = evaluatedAt
        self.asOf = asOf
        self.window = window
        self.configHash = configHash
        self.criteria = criteria
        self.unreachableSources = unreachableSources
        self.contracts = contracts
    }

    /// The process exit code: 0 pass, 1 fail, 2 not evaluated, 3 not evaluated while a source was unreachable.
    public var exitCode: Int32 {
        switch result {
        case .pass: 0
        case .fail: 1
        case .notEvaluated: unreachableSources.isEmpty ? 2 : 3
        }
    }
}
