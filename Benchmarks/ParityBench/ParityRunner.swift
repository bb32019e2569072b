import Foundation
import ParityTestSupport

/// One finished run of a program: wall time, peak RSS (`wait4` rusage) and what it printed.
struct TimedRun {
    let seconds: Double
    let peakResidentBytes: Int
    let output: String

    var peakMegabytes: Double { Double(peakResidentBytes) / 1_048_576 }

    /// Runs `arguments` to the end; throws with its output when it exits with a status not in `allowed`.
    static func run(_ arguments: [String], allowed: Set<Int32> = [0]) throws -> TimedRun {
        let start = Date()
        let process = try RunningProcess(arguments)
        let (status, peak) = process.waitWithPeakMemory()
        let run = TimedRun(seconds: Date().timeIntervalSince(start), peakResidentBytes: peak, output: process.output)
        guard allowed.contains(status) else { throw BenchError("\(arguments.joined(separator: " ")) exited \(status): \(run.output)") }
        return run
    }
}

/// The `parity` binary run against one config.
struct ParityRunner {
    let binary: String
    let configPath: String

    /// Runs `parity SUBCOMMAND... --config CONFIG`; an exit status not in `allowed` throws.
    func run(_ arguments: [String], allowed: Set<Int32> = [0]) throws -> TimedRun {
        try TimedRun.run([binary] + arguments + ["--config", configPath], allowed: allowed)
    }

    /// The findings and keys compared of every cycle a `parity close` printed as closed.
    func findings(closeOutput: String) throws -> CycleFindings {
        try findings(cycles: closeOutput.split(separator: "\n").filter { $0.hasPrefix("closed cycle ") }.compactMap { line in
            Int64(line.dropFirst("closed cycle ".count).prefix { $0.isNumber })
        })
    }

    /// The findings and keys compared of the cycles `ids`, from `parity report eod`.
    func findings(cycles ids: [Int64]) throws -> CycleFindings {
        var findings = CycleFindings()
        for id in ids {
            let report = try run(["report", "eod", "--cycle", String(id), "--limit", "100000000", "--format", "json"])
            try findings.add(eodJSON: report.output)
        }
        return findings
    }
}
