/// One recorded decommission gate evaluation (times in µs since 1970).
public struct GateEvaluationRecord: Sendable, Equatable {
    /// Assigned by the store; ignored when recording.
    public var id: Int64
    /// When it was evaluated (local clock).
    public var evaluatedAt: Int64
    /// Who ran it (`user@host`).
    public var evaluatedBy: String
    /// The end of the last cycle evaluated, if any.
    public var asOf: Int64?
    /// The first cycle evaluated, if any.
    public var firstCycle: Int64?
    /// The last cycle evaluated, if any.
    public var lastCycle: Int64?
    /// The number of consecutive cycles required.
    public var cycles: Int
    /// `pass`, `fail` or `not_evaluated`.
    public var result: String
    /// The exit code `parity gate` returned.
    public var exitCode: Int32
    /// The config file evaluated with.
    public var configFile: String
    /// The hash of that file's text.
    public var configHash: String
    /// The full `parity.gate/1` JSON document.
    public var report: String

    /// Creates a record.
    public init(
        id: Int64 = 0, evaluatedAt: Int64, evaluatedBy: String, asOf: Int64?, firstCycle: Int64?, lastCycle: Int64?, cycles: Int,
        result: String, exitCode: Int32, configFile: String, configHash: String, report: String
    ) {
        self.id = id
        self.evaluatedAt = evaluatedAt
        self.evaluatedBy = evaluatedBy
        self.asOf = asOf
        self.firstCycle = firstCycle
        self.lastCycle = lastCycle
        self.cycles = cycles
        self.result = result
        self.exitCode = exitCode
        self.configFile = configFile
        self.configHash = configHash
        self.report = report
    }
}
