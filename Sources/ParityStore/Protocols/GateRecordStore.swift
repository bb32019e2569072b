import ParityModel

/// What the gate and its inputs leave behind: gate evaluations, verifications, the disposition decisions' audit
/// trail, and contract exports. Records are appended, never changed; each reads back as it was written.
public protocol GateRecordStore: Sendable {
    /// Records a gate evaluation and returns its id.
    @discardableResult
    func recordGateEvaluation(_ record: GateEvaluationRecord) throws(StoreError) -> Int64
    /// Recorded gate evaluations, oldest first (the last `limit` when given).
    func gateEvaluations(limit: Int?) throws(StoreError) -> [GateEvaluationRecord]

    /// Records a verification; returns its id.
    @discardableResult
    func recordVerification(_ record: VerificationRecord) throws(StoreError) -> Int64
    /// The latest verification of `mode`, if any.
    func lastVerification(mode: VerificationRecord.Mode) throws(StoreError) -> VerificationRecord?

    /// Appends `record` to the decisions' audit trail, naming the category's previous row and the last closed cycle;
    /// returns it as stored.
    @discardableResult
    func recordDecision(_ record: DecisionRecord) throws(StoreError) -> DecisionRecord
    /// The audit trail, oldest first: every row (`table` or `kind` nil), or those of one category (`column` nil for a
    /// category without one).
    func decisionHistory(table: String?, column: String?, kind: FindingKind?) throws(StoreError) -> [DecisionRecord]
    /// Each category's current decision: its latest row, when that is a `set`; by table, column and kind.
    func currentDecisions() throws(StoreError) -> [DecisionRecord]

    /// Records a contracts export and returns its id.
    @discardableResult
    func recordContractExport(_ record: ContractExportRecord) throws(StoreError) -> Int64
    /// The last recorded contracts export; nil when none ran.
    func lastContractExport() throws(StoreError) -> ContractExportRecord?
}

extension GateRecordStore {
    /// Every recorded gate evaluation, oldest first.
    public func gateEvaluations() throws(StoreError) -> [GateEvaluationRecord] {
        try gateEvaluations(limit: nil)
    }

    /// The whole decisions' audit trail, oldest first.
    public func decisionHistory() throws(StoreError) -> [DecisionRecord] {
        try decisionHistory(table: nil, column: nil, kind: nil)
    }
}
