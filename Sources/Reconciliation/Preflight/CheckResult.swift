/// The verdict of one preflight check.
public struct CheckResult: Sendable, Hashable {
    /// PASS, WARN (works, but read this) or FAIL.
    public enum Outcome: String, Sendable, Hashable, Codable {
        case pass, warn, fail
    }

    /// What a failure blocks, which decides `parity check`'s exit code.
    public enum Blocks: String, Sendable, Hashable {
        /// The config does not fit the database (exit 2).
        case configuration
        /// Replication cannot work on this source (exit 3).
        case replication
    }

    /// A stable name for scripts (`wal_level`, `replica_identity`, …).
    public var name: String
    /// What the check was about when not the whole source (a table, a mapping).
    public var subject: String?
    public var outcome: Outcome
    /// What was found, in one line.
    public var detail: String
    /// What to do about a WARN or FAIL.
    public var fix: String?
    /// What a FAIL blocks.
    public var blocks: Blocks

    public init(name: String, subject: String? = nil, outcome: Outcome, detail: String, fix: String? = nil, blocks: Blocks) {
        self.name = name
        self.subject = subject
        self.outcome = outcome
        self.detail = detail
        self.fix = fix
        self.blocks = blocks
    }

    static func pass(_ name: String, _ subject: String? = nil, _ detail: String, blocks: Blocks = .replication) -> CheckResult {
        CheckResult(name: name, subject: subject, outcome: .pass, detail: detail, blocks: blocks)
    }

    static func fail(_ name: String, _ subject: String? = nil, _ detail: String, fix: String, blocks: Blocks) -> CheckResult {
        CheckResult(name: name, subject: subject, outcome: .fail, detail: detail, fix: fix, blocks: blocks)
    }
}

/// `parity check`'s exit code for a set of results: 3 when a source is unreachable or not usable
/// for replication, 2 when the config does not fit the databases, 0 otherwise (warnings pass).
public func checkExitCode(_ results: [CheckResult]) -> Int32 {
    let failures = results.filter { $0.outcome == .fail }
    if failures.contains(where: { $0.blocks == .replication }) { return 3 }
    return failures.isEmpty ? 0 : 2
}
