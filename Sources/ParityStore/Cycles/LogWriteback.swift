import Dispatch
import Glibc

/// Flushes the store's write-ahead log to disk on a background thread while the closing transaction goes on.
///
/// A close's fold writes the changed rows' pages to the log; the checkpoint after the commit must sync them
/// before it copies them into the database file. Started after the fold, the flush runs while the comparison
/// keeps the other core busy, and the checkpoint's own sync finds little left to write. Linux syncs a file's
/// dirty pages whichever descriptor asks.
final class LogWriteback: Sendable {
    private let done = DispatchSemaphore(value: 0)

    private init() {}

    /// Starts flushing the file at `path`; nil when it cannot be opened (nothing to flush).
    static func start(path: String) -> LogWriteback? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        let writeback = LogWriteback()
        DispatchQueue.global(qos: .utility).async {
            _ = fdatasync(descriptor)
            close(descriptor)
            writeback.done.signal()
        }
        return writeback
    }

    /// Waits until the flush has finished.
    func wait() {
        done.wait()
    }
}
