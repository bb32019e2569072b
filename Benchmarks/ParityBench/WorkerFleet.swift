import Foundation
import ParityTestSupport

/// `parity worker` processes sharing one PostgreSQL store, started by the benchmark: what they use (resident memory,
/// CPU) is read from /proc while they run, and from `wait4` once they stop.
final class WorkerFleet {
    let processes: [RunningProcess]

    /// Starts `count` workers on `parity`'s config, serving no HTTP (they would share one port).
    init(parity: ParityRunner, count: Int) throws {
        processes = try (0..<count).map { _ in try RunningProcess([parity.binary, "worker", "--config", parity.configPath, "--no-http"]) }
    }

    /// Each worker's peak resident set so far (`VmHWM`), in bytes.
    func peakResidentBytes() -> [Int] {
        processes.map { process in
            let status = (try? String(contentsOfFile: "/proc/\(process.pid)/status", encoding: .utf8)) ?? ""
            let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
            return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) * 1024
        }
    }

    /// Each worker's CPU time so far (user and system), in seconds.
    func cpuSeconds() -> [Double] {
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        return processes.map { process in
            guard let fields = Self.statFields(process.pid), fields.count > 12 else { return 0 }
            return ((Double(fields[11]) ?? 0) + (Double(fields[12]) ?? 0)) / ticks
        }
    }

    /// Throws, with what it printed, when a worker has exited or logged an error: a worker whose closes or capture fail
    /// logs it once and retries every tick, and the run would wait for its timeout, then measure nothing.
    func checkRunning() throws {
        for (index, process) in processes.enumerated() {
            let state = Self.statFields(process.pid)?.first
            if state == nil || state == "Z" || state == "X" {
                throw BenchError("parity worker \(index + 1) exited:\n\(process.output.suffix(3000))")
            }
            if let line = Self.firstError(in: process.output) {
                throw BenchError("parity worker \(index + 1) logged an error:\n\(line)")
            }
        }
    }

    /// The first line of a worker's log (JSON lines) at level error or critical. Checked at every poll of a measured
    /// phase, so only lines naming either level are parsed.
    private static func firstError(in output: String) -> Substring? {
        output.split(separator: "\n").first { line in
            guard line.contains("\"error\"") || line.contains("\"critical\""),
                  let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return false }
            return ["error", "critical"].contains(object["level"] as? String)
        }
    }

    /// Which worker holds the capture (it logged taking the capture lock), or nil.
    var capturing: Int? {
        processes.firstIndex { $0.output.contains("capture lock taken") }
    }

    /// Stops every worker (SIGTERM) and returns, for each, its exit status, peak resident set (bytes) and CPU seconds.
    func stop() -> [(status: Int32, peakResidentBytes: Int, cpuSeconds: Double)] {
        processes.forEach { $0.send(SIGTERM) }
        return processes.map { process in
            var status: Int32 = 0
            var usage = rusage()
            while wait4(process.pid, &status, 0, &usage) == -1 && errno == EINTR {}
            let cpu = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
                + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
            let signal = status & 0x7f
            return (signal == 0 ? (status >> 8) & 0xff : 128 + signal, usage.ru_maxrss * 1024, cpu)
        }
    }

    /// The fields of /proc/PID/stat after the command name: state first, utime at 11, stime at 12.
    private static func statFields(_ pid: pid_t) -> [Substring]? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        return stat[stat.index(after: close)...].split(separator: " ")
    }
}
