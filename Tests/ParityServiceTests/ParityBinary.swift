import Foundation
import ParityTestSupport

extension ParityBinary {
    /// Starts `parity run --config path`; its output (JSON log lines, stdout not being a terminal) goes to a file.
    static func startService(config: String) throws -> RunningProcess {
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw ClusterError("no parity binary at \(path)", fix: "build with --build-tests (make test does) or set PARITY_BINARY")
        }
        return try RunningProcess([path, "run", "--config", config], environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"])
    }
}

extension RunningProcess {
    /// The port from hummingbird's "Server started and listening on 127.0.0.1:PORT" log line, once it is there.
    var listeningPort: Int? {
        output.firstMatch(of: /listening on 127\.0\.0\.1:([0-9]+)/).flatMap { Int($0.output.1) }
    }

    /// Waits up to `seconds` for the process to exit; its status, or nil (after SIGKILL) when it did not exit in time.
    func exitStatus(within seconds: Double) -> Int32? {
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var status: Int32 = -1
        let waiter = Thread { status = self.wait(); done.signal() }
        waiter.start()
        guard done.wait(timeout: .now() + seconds) == .success else {
            send(SIGKILL)
            done.wait()
            return nil
        }
        return status
    }
}
