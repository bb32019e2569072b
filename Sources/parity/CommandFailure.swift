import ArgumentParser
import ParityConfig
import ParityEngine
import ParityStore
import ParityService
import PostgresClient
import Reports
import SourceQueries

/// Why a command failed, reported once by `Parity.main`: one line with what to do on standard error, and with
/// `--format json` also a `parity.error/1` document on standard output.
struct CommandFailure: Error {
    var message: String
    var fix: String?
    var source: String?
    var code: EngineError.Code
    var issues: [ConfigurationIssue] = []

    /// The process's exit code, from ``code``.
    var exitCode: Int32 { code.exitCode }

    /// What standard error shows: the engine's line, or each configuration issue on its own line.
    var text: String {
        if !issues.isEmpty { return issues.map(\.description).joined(separator: "\n") }
        return (source.map { "\($0): " } ?? "") + message + (fix.map { "; \($0)" } ?? "")
    }

    func json() -> String {
        ErrorRenderer.json(message: message, fix: fix, source: source, exitCode: exitCode, reason: code.description, issues: issues)
    }
}

extension CommandFailure {
    init(_ error: EngineError) {
        self.init(message: error.message, fix: error.fix, source: error.source, code: error.code)
    }

    /// A configuration that cannot be used.
    init(_ error: ConfigurationError) {
        let summary = error.issues.count == 1 ? "the configuration has a problem" : "the configuration has \(error.issues.count) problems"
        self.init(message: summary, fix: "fix each issue listed", source: nil, code: .configuration, issues: error.issues)
    }

    /// A store that cannot be used: unavailable when another process holds it or it is damaged.
    init(_ error: StoreError) {
        let code: EngineError.Code = switch error.code {
        case .busy, .corrupt: .storeUnavailable
        case .captureRunning: .captureRunning
        default: .store
        }
        self.init(message: error.description, fix: nil, source: nil, code: code)
    }

    /// A source's error no engine operation put in words: a source that cannot be reached or refused (exit 3), never
    /// ArgumentParser's generic exit 1, which means a failed gate.
    init(_ error: PostgresError) {
        let refused = error.code == .serverError
        self.init(
            message: Redaction.redact(error.description),
            fix: refused ? "fix what PostgreSQL names (parity check lists missing privileges)" : "check that the source is reachable (parity check)",
            source: nil, code: refused ? .sourceRefused : .sourceUnreachable)
    }

    /// The failure `error` stands for, if it is one the command line reports itself.
    static func from(_ error: any Error) -> CommandFailure? {
        switch error {
        case let failure as CommandFailure: failure
        case let failure as EngineError: CommandFailure(failure)
        case let failure as ConfigurationError: CommandFailure(failure)
        case let failure as StoreError: CommandFailure(failure)
        case let failure as PostgresError: CommandFailure(failure)
        default: nil
        }
    }
}

extension EngineError.Code {
    /// The exit code a failure of this kind ends the process with (DESIGN.md): 3 when a source cannot be reached or
    /// used, replication is unusable, or the store is held or damaged; 2 for usage, configuration and every other kind.
    var exitCode: Int32 {
        switch self {
        case .sourceUnreachable, .sourceRefused, .replicationUnusable, .timedOut, .storeUnavailable, .captureRunning: 3
        default: 2
        }
    }
}

/// A command with a `--format` option: on failure, `Parity.main` prints `parity.error/1` when it asks for JSON.
protocol FormatSelecting {
    var printsJSON: Bool { get }
}

extension Check: FormatSelecting { var printsJSON: Bool { format == .json } }
extension Status: FormatSelecting { var printsJSON: Bool { format == .json } }
extension Inventory: FormatSelecting { var printsJSON: Bool { format == .json } }
extension Gate: FormatSelecting { var printsJSON: Bool { format == .json } }
extension Verify: FormatSelecting { var printsJSON: Bool { format == .json } }
extension EndOfDay: FormatSelecting { var printsJSON: Bool { format == .json } }
extension Monthly: FormatSelecting { var printsJSON: Bool { format == .json } }
extension OpenDifferences: FormatSelecting { var printsJSON: Bool { format == .json } }
extension DispositionCommands.ListDecisions: FormatSelecting { var printsJSON: Bool { format == .json } }
extension DispositionCommands.DecisionHistory: FormatSelecting { var printsJSON: Bool { format == .json } }
