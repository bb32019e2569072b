import ParityModel

/// An init that failed, with what it had created and could not remove again.
struct InitFailure: Error {
    /// Something init created that its cleanup could not remove, with the reason.
    struct Leftover: Sendable, CustomStringConvertible {
        var side: SourceSide
        /// What stays, with why it could not be removed (`slot parity_legacy (…)`).
        var object: String

        var description: String { "\(side.rawValue) \(object)" }
    }

    /// Why init failed.
    var cause: any Error
    var leftovers: [Leftover]
}

extension InitFailure {
    /// What to report of the sources' failures (in side order): the first that is not a cancellation (one source's
    /// failure cancels the other's copy), with what every source left behind; nil when none failed.
    static func reported(_ failures: [(side: SourceSide, error: any Error)]) -> (side: SourceSide, failure: InitFailure)? {
        let cancelled = { (error: any Error) in error is CancellationError || (error as? InitFailure)?.cause is CancellationError }
        guard let first = failures.first(where: { !cancelled($0.error) }) ?? failures.first else { return nil }
        let leftovers = failures.flatMap { ($0.error as? InitFailure)?.leftovers ?? [] }
        return (first.side, InitFailure(cause: (first.error as? InitFailure)?.cause ?? first.error, leftovers: leftovers))
    }
}
