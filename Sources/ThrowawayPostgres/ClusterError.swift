/// A throwaway cluster could not be created, started or stopped. Tests fail on it; they never skip.
public struct ClusterError: Error, CustomStringConvertible, Sendable {
    /// What went wrong, with the server log's tail when there is one.
    public let message: String
    /// What to do about it.
    public let fix: String

    public init(_ message: String, fix: String) {
        self.message = message
        self.fix = fix
    }

    public var description: String { "\(message); \(fix)" }
}
