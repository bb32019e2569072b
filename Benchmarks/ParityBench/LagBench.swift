import Foundation
import ParityTestSupport
import PostgresClient

/// Live lag: `parity capture` streams both sources while pgbench writes single-row transactions
/// at a fixed rate into both databases at once; Parity reports, per source, the exact percentiles
/// (to the millisecond) of each transaction's commit-to-durable time (its local clock when the
/// transaction was durable in the store minus the source's commit time; one machine, one clock).
extension CaptureBench {
    /// Runs `rate` transactions/s on each database for `seconds`, waits until Parity has applied
    /// them all, stops it, and returns its p50 and p99 lag for each source.
    func measureLag(seconds: Int, rate: Int) throws -> [BenchResult] {
        let capture = try RunningProcess([parityBinary, "capture", "--config", configPath])
        Thread.sleep(forTimeInterval: 2)  // both streams connected before the load starts
        let script = work + "/lag.sql"
        try "INSERT INTO t2 (payload, amount) VALUES (md5(random()::text), (random() * 1000)::numeric(12,2));\n"
            .write(toFile: script, atomically: true, encoding: .utf8)
        let loads = try ["legacy", "modern"].map { database in
            try RunningProcess([
                binaries.path("pgbench"), "-h", "127.0.0.1", "-p", String(cluster.port), "-U", "postgres", "-n",
                "-c", "4", "-j", "2", "-R", String(rate), "-T", String(seconds), "-f", script, database,
            ])
        }
        var achieved: [String] = []
        for load in loads {
            guard load.wait() == 0 else { throw ClusterError("pgbench failed: \(load.output)", fix: "see above") }
            achieved += load.output.split(separator: "\n").filter { $0.hasPrefix("tps = ") }.map(String.init)
        }
        print("pgbench at \(rate) tps on each database for \(seconds) s: \(achieved.joined(separator: "; "))")
        try waitUntilDurable(targets: ["legacy": currentLSN("legacy"), "new": currentLSN("modern")], timeout: 120)
        capture.send(SIGINT)
        let (status, peak) = capture.waitWithPeakMemory()
        guard status == 0 else { throw ClusterError("parity capture failed: \(capture.output)", fix: "see above") }
        return try CaptureLag.parse(capture.output).flatMap { lag in
            [(50, lag.p50), (99, lag.p99)].map { percent, milliseconds in
                BenchResult(
                    name: "capture_lag_p\(percent)_\(lag.source)", figure: Double(milliseconds), unit: "ms", peer: "-",
                    peerFigure: nil, rows: lag.transactions, peakRSSMegabytes: Double(peak) / 1_048_576, lowerIsBetter: true)
            }
        }
    }

    private func currentLSN(_ database: String) throws -> UInt64 {
        let text = try cluster.connect(database: database).query("SELECT pg_current_wal_lsn()::text AS lsn").singleRow()["lsn"]
        return try CaptureLag.lsn(text ?? "")
    }

    /// Polls `parity status` until each source's durable position reaches its target.
    private func waitUntilDurable(targets: [String: UInt64], timeout: TimeInterval) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let status = try CommandRunner.run([parityBinary, "status", "--config", configPath, "--format", "json"])
            let document = try JSONSerialization.jsonObject(with: Data(status.output.utf8)) as? [String: Any]
            let sources = document?["sources"] as? [[String: Any]] ?? []
            let durable = try Dictionary(uniqueKeysWithValues: sources.map { source in
                (source["source"] as? String ?? "", try CaptureLag.lsn(source["durable_lsn"] as? String ?? ""))
            })
            if targets.allSatisfy({ side, target in (durable[side] ?? 0) >= target }) { return }
            Thread.sleep(forTimeInterval: 0.5)
        }
        throw ClusterError("parity did not apply the load within \(Int(timeout)) s", fix: "see parity status")
    }
}

/// One source's lag percentiles, as `parity capture` prints them when it stops.
struct CaptureLag {
    var source: String
    var p50: Int
    var p99: Int
    var transactions: Int

    /// Reads the `SIDE: stopped, …, N transactions applied, commit to durable p50 X ms, p99 Y ms` lines.
    static func parse(_ output: String) throws -> [CaptureLag] {
        let pattern = /^(\w+): stopped, .*, (\d+) transactions applied, commit to durable p50 (\d+) ms, p99 (\d+) ms$/
        let lags = output.split(separator: "\n").compactMap { line in
            (try? pattern.wholeMatch(in: String(line))).map { match in
                CaptureLag(source: String(match.1), p50: Int(match.3)!, p99: Int(match.4)!, transactions: Int(match.2)!)
            }
        }
        guard lags.count == 2 else { throw BenchError("parity capture did not report lag for both sources: \(output)") }
        return lags
    }

    /// An LSN `X/Y` as a number.
    static func lsn(_ text: String) throws -> UInt64 {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let high = UInt64(parts[0], radix: 16), let low = UInt64(parts[1], radix: 16) else {
            throw BenchError("not an LSN: \(text)")
        }
        return high << 32 | low
    }
}
