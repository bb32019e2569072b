import PostgresClient

/// Why a replication session ended before a stop was requested.
enum SessionEnd: Error, CustomStringConvertible {
    /// A consumer error or a protocol violation: the stream stops with it.
    case fatal(any Error)
    /// A connection problem (lost, refused, server shutting down, slot briefly busy): connect again.
    case retry(PostgresError)

    /// SQLSTATE classes a reconnect can cure: connection exception, insufficient resources, operator intervention.
    private static let transientClasses: Set<Substring> = ["08", "53", "57"]
    /// `object_in_use`: the slot is still held by a walsender of the previous connection.
    static let slotInUse = "55006"

    /// The underlying error's line.
    var description: String {
        switch self {
        case .fatal(let error): "\(error)"
        case .retry(let error): error.description
        }
    }

    /// Sorts a client error into worth-retrying or fatal (a missing slot or publication, bad syntax, no privilege).
    init(_ error: PostgresError) {
        if let sqlState = error.sqlState {
            let transient = Self.transientClasses.contains(sqlState.prefix(2)) || sqlState == Self.slotInUse
            self = transient || error.code == .connectionLost ? .retry(error) : .fatal(error)
        } else {
            let transient = error.code == .connectionLost || error.code == .connectionFailed || error.code == .copyFailed
            self = transient ? .retry(error) : .fatal(error)
        }
    }
}
