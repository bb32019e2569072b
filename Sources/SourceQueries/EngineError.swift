/// A failure of an engine operation (init, teardown, capture) with the source it concerns and
/// what to do. `exitCode` follows DESIGN.md: 2 configuration/usage, 3 database or replication.
public struct EngineError: Error, CustomStringConvertible, Sendable {
    /// The source concerned, if any (`legacy` or `new`).
    public var source: String?
    /// What happened, in one line.
    public var message: String
    /// What to do about it.
    public var fix: String
    /// The CLI exit code this maps to.
    public var exitCode: Int32

    public init(source: String?, message: String, fix: String, exitCode: Int32) {
        self.source = source
        self.message = message
        self.fix = fix
        self.exitCode = exitCode
    }

    public var description: String {
        (source.map { "\($0): " } ?? "") + message + "; " + fix
    }
}
