import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The one capture a store may have: an exclusive lock on `<store>.capture.lock`, held by `parity capture` or
/// `parity run` while they stream, with who holds it written in the file. Two captures into one store would confirm
/// each other's positions to the sources out of order; the second one is refused with the holder's name. The lock
/// goes with the process (the kernel releases it on exit or kill); the descriptor is not inherited by children.
public final class CaptureLock: Sendable {
    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Takes the lock for `store`, recording `holder` (e.g. `parity run`) with this process's id, user, host and time.
    public static func acquire(for store: ParityStore, holder: String, now: Date = Date()) throws(StoreError) -> CaptureLock {
        let path = store.path + ".capture.lock"
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw StoreError(code: .cannotOpen, message: "cannot open \(path) (\(String(cString: strerror(errno)))); check that the store's folder is writable",
                             path: store.path)
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            close(descriptor)
            throw StoreError(
                code: .captureRunning,
                message: "capture is already running for this store (\(holder.isEmpty ? "holder unknown" : holder)); "
                    + "stop it first: one capture per store",
                path: store.path)
        }
        let environment = ProcessInfo.processInfo.environment
        let line = "\(holder), pid \(getpid()), \(environment["USER"] ?? "unknown")@\(ProcessInfo.processInfo.hostName), since \(ISO8601DateFormatter().string(from: now))\n"
        _ = ftruncate(descriptor, 0)
        _ = line.withCString { pwrite(descriptor, $0, strlen($0), 0) }
        return CaptureLock(descriptor: descriptor)
    }
}
