import Logging

/// The metadata keys Parity's log lines use; one spelling each, so log queries can rely on them.
public enum LogKey: String, Sendable, CaseIterable {
    /// `legacy` or `new`.
    case source = "parity.source"
    /// A replication slot name.
    case slot = "parity.slot"
    /// A source table (`public.orders`).
    case table = "parity.table"
    /// A table mapping's name (`orders`).
    case mapping = "parity.mapping"
    /// A count of keys compared.
    case compared = "parity.compared"
    /// A reconnect attempt's number (1, 2, ...).
    case attempt = "parity.attempt"
    /// A WAL position (`0/16B3748`).
    case lsn = "parity.lsn"
    /// A cycle id.
    case cycle = "parity.cycle"
    /// A cycle label (`2026-11-20`).
    case label = "parity.cycle_label"
    /// A cycle status (`closed`, `forced`).
    case status = "parity.status"
    /// A count of findings.
    case findings = "parity.findings"
    /// An unexplained diff rate (decimal string).
    case unexplainedRate = "parity.unexplained_rate"
    /// A count of undocumented legacy objects in the inventory.
    case undocumented = "parity.undocumented"
    /// A gate result (`pass`, `fail`, `not_evaluated`).
    case gate = "parity.gate"
    /// What went wrong, passwords removed.
    case error = "parity.error"
    /// What a verification checked (`sources`, `state`).
    case verify = "parity.verify"
    /// How many problems it found.
    case problems = "parity.problems"
}

extension Logger {
    /// A logger that drops every event: what capture, close and verify log to when their caller passes none.
    public static let discarding = Logger(label: "parity") { _ in SwiftLogNoOpLogHandler() }
}

extension Logger.Metadata {
    /// Metadata from typed keys: `.parity([.source: "legacy", .lsn: "0/16B3748"])`.
    public static func parity(_ values: [LogKey: String]) -> Logger.Metadata {
        Dictionary(uniqueKeysWithValues: values.map { ($0.key.rawValue, .string($0.value)) })
    }
}
