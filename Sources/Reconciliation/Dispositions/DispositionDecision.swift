import Foundation
import ParityConfig
import ParityModel

/// A category's disposition as decided with `parity disposition set`: who owns it, why, until when.
public struct DispositionDecision: Sendable, Equatable {
    /// Its row in the audit trail.
    public var id: Int64
    /// The category decided.
    public var category: DispositionCategory
    /// The decision.
    public var disposition: Disposition
    /// Who owns it.
    public var owner: String
    /// Why.
    public var note: String
    /// `YYYY-MM-DD`: from that business day on the decision counts as none.
    public var expires: String?
    /// A ticket reference.
    public var ticket: String?
    /// Who recorded it.
    public var decidedBy: String
    /// When it was recorded.
    public var decidedAt: Date
    /// The last cycle closed when it was recorded; nil when none was.
    public var afterCycle: Int64?

    /// Creates a decision.
    public init(
        id: Int64, category: DispositionCategory, disposition: Disposition, owner: String, note: String, expires: String? = nil,
        ticket: String? = nil, decidedBy: String, decidedAt: Date, afterCycle: Int64? = nil
    ) {
        self.id = id
        self.category = category
        self.disposition = disposition
        self.owner = owner
        self.note = note
        self.expires = expires
        self.ticket = ticket
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
        self.afterCycle = afterCycle
    }

    /// Whether it counts as none on business day `day` (`YYYY-MM-DD`): on or after its expiry date.
    public func isExpired(on day: String) -> Bool {
        expires.map { day >= $0 } ?? false
    }

    /// The rule it amounts to; nil when its legacy table cannot be read as one.
    var rule: DispositionRule? { category.rule(disposition, owner: owner, note: note) }
}
