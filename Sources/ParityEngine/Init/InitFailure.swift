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
