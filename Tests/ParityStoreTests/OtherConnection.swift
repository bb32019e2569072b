import GRDB
import ParityStore

extension DatabaseQueue {
    /// A connection of another process to the store at `path`: like the store's own, it waits up to
    /// `ParityStore.busyTimeout` for a lock (a released store's last checkpoint) instead of failing with
    /// "database is locked".
    static func other(_ path: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.busyMode = .timeout(ParityStore.busyTimeout)
        return try DatabaseQueue(path: path, configuration: configuration)
    }
}
