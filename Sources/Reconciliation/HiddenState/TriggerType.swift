import ParityModel

/// When, on what and how often a trigger fires, decoded from `pg_trigger.tgtype`.
public struct TriggerType: Sendable, Hashable {
    /// Before, after or instead of the statement.
    public var timing: TriggerTiming
    /// The events it fires on, in insert, update, delete, truncate order.
    public var events: [TriggerEvent]
    /// Once per row or once per statement.
    public var level: TriggerLevel

    /// Creates a trigger type.
    public init(timing: TriggerTiming, events: [TriggerEvent], level: TriggerLevel) {
        self.timing = timing
        self.events = events
        self.level = level
    }

    /// Decodes `tgtype`: 1 row, 2 before, 4 insert, 8 delete, 16 update, 32 truncate, 64 instead.
    public init(bits: Int) {
        timing = bits & 64 != 0 ? .insteadOf : bits & 2 != 0 ? .before : .after
        level = bits & 1 != 0 ? .row : .statement
        events = [(4, TriggerEvent.insert), (16, .update), (8, .delete), (32, .truncate)]
            .filter { bits & $0.0 != 0 }.map(\.1)
    }
}

/// When a trigger fires relative to its statement.
public enum TriggerTiming: String, Sendable, Hashable {
    /// Before the row or statement is written.
    case before
    /// After it is written.
    case after
    /// Instead of the statement (triggers on views).
    case insteadOf = "instead of"
}

/// Whether a trigger fires per row or per statement.
public enum TriggerLevel: String, Sendable, Hashable {
    /// `FOR EACH ROW`.
    case row
    /// `FOR EACH STATEMENT`.
    case statement
}

/// `pg_trigger.tgenabled` (and `pg_event_trigger.evtenabled`).
public enum TriggerEnabledState: String, Sendable, Hashable {
    /// `O`: fires in origin and local sessions (the normal case).
    case enabled
    /// `D`: never fires.
    case disabled
    /// `R`: fires only when `session_replication_role = replica`.
    case replica
    /// `A`: fires always.
    case always

    /// Decodes the catalog letter; nil for an unknown letter.
    public init?(code: String) {
        switch code {
        case "O": self = .enabled
        case "D": self = .disabled
        case "R": self = .replica
        case "A": self = .always
        default: return nil
        }
    }

    /// Whether the trigger fires in ordinary sessions, as the application's are.
    public var firesNormally: Bool { self == .enabled || self == .always }
}
