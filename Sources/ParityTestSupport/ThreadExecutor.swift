import Foundation

/// A task executor running jobs on threads of its own. Swift Testing runs synchronous tests on the cooperative pool,
/// one blocked thread each, and that pool has as many threads as the machine has cores: an async test whose services
/// must make progress within a deadline runs them here instead (`withTaskExecutorPreference`,
/// `Task(executorPreference:)`), unaffected by the synchronous tests beside it.
public final class ThreadExecutor: TaskExecutor, @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []

    /// Starts `threads` threads named `name` that run jobs until the process ends.
    public init(name: String = "parity-test-executor", threads: Int = 4) {
        for index in 0..<threads {
            let thread = Thread {
                while true { self.next().runSynchronously(on: self.asUnownedTaskExecutor()) }
            }
            thread.name = "\(name)-\(index)"
            thread.start()
        }
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.withLock {
            jobs.append(job)
            condition.signal()
        }
    }

    /// The oldest job waiting, once there is one.
    private func next() -> UnownedJob {
        condition.withLock {
            while jobs.isEmpty { condition.wait() }
            return jobs.removeFirst()
        }
    }

    /// One executor for every test in the process.
    public static let shared = ThreadExecutor()
}
