import ParityModel

/// One row of the disposition decisions' audit trail (`disposition_decision`, migration 018): a `set` or a `clear` of
/// one category's decision, never changed once written.
public struct DecisionRecord: Sendable, Equatable {
    /// Assigned by the store; ignored when recording.
    public var id: Int64
    /// The table mapping, or the legacy table for `hidden_state_unmapped` and `unmapped_writes`.
    public var table: String
    /// The legacy column; nil for a category without one.
    public var column: String?
    /// The finding kind.
    public var kind: FindingKind
    /// `set` or `clear`.
    public var action: String
    /// The disposition; nil for `clear`.
    public var disposition: Disposition?
    /// Who owns the decision.
    public var owner: String?
    /// Why.
    public var note: String?
    /// `YYYY-MM-DD`: from that business day on the decision counts as none.
    public var expires: String?
    /// A ticket reference.
    public var ticket: String?
    /// Who recorded it (the OS user, or `--by`).
    public var decidedBy: String
    /// When, in µs since 1970.
    public var decidedAt: Int64
    /// The last cycle closed when it was recorded; set by the store.
    public var afterCycle: Int64?
    /// The row it replaced, if any; set by the store.
    public var previous: Int64?

    /// Creates a record.
    public init(
        id: Int64 = 0, table: String, column: String?, kind: FindingKind, action: String, disposition: Disposition? = nil, owner: String? = nil,
        note: String? = nil, expires: String? = nil, ticket: String? = nil, decidedBy: String, decidedAt: Int64,
        afterCycle: Int64? = nil, previous: Int64? = nil
    ) {
        self.id = id
        self.table = table
        self.column = column
        self.kind = kind
        self.action = action
        self.disposition = disposition
        self.owner = owner
        self.note = note
        self.expires = expires
        self.ticket = ticket
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
        self.afterCycle = afterCycle
        self.previous = previous
    }
}
