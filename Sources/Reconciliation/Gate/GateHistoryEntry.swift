import Foundation

/// One past gate evaluation as `parity gate --history` lists it: who, when, the result and the rules' hash.
public struct GateHistoryEntry: Sendable, Equatable {
    /// The evaluation's id in the store.
    public var id: Int64
    /// When it was evaluated.
    public var evaluatedAt: Date
    /// Who ran it (`user@host`).
    public var evaluatedBy: String
    /// The first cycle evaluated; nil when none was closed.
    public var firstCycleID: Int64?
    /// The last cycle evaluated; nil when none was closed.
    public var lastCycleID: Int64?
    /// Pass, fail or not evaluated.
    public var result: GateReport.Result
    /// The exit code it returned.
    public var exitCode: Int32
    /// The config file it was evaluated with.
    public var configFile: String
    /// The hash of that file's text.
    public var configHash: String

    /// Creates an entry.
    public init(
        id: Int64, evaluatedAt: Date, evaluatedBy: String, firstCycleID: Int64?, lastCycleID: Int64?, result: GateReport.Result, exitCode: Int32,
        configFile: String, configHash: String
    ) {
        self.id = id
        self.evaluatedAt = evaluatedAt
        self.evaluatedBy = evaluatedBy
        self.firstCycleID = firstCycleID
        self.lastCycleID = lastCycleID
        self.result = result
        self.exitCode = exitCode
        self.configFile = configFile
        self.configHash = configHash
    }
}
