import Foundation

/// The cycle-close benchmark end to end: baseline and one changed cycle by Parity, the same table
/// pair by data-diff, each checked against the planted differences, then `parity verify --sources` on the pair
/// against drifts planted behind capture's back; prints phases and returns results.
///
/// With `postgresWorkers`, verify gives way to the same baseline and changed cycle with the PostgreSQL store closed by
/// that many `parity worker` processes (``WorkerCloseRun``), after the SQLite run and data-diff, on a fresh pair.
enum CloseRun {
    /// Runs everything with the table size and changes of `planted`, data-diff from the virtualenv at `venvDirectory`.
    static func run(parityBinary: String, planted: PlantedChanges, venvDirectory: String, postgresWorkers: Int? = nil) throws -> [BenchResult] {
        let bench = try CloseBench(parityBinary: parityBinary, planted: planted)
        defer { bench.stop() }
        let rows = planted.rows
        let (initRun, baselineClose) = try bench.baseline()
        phase("parity init (baseline copy)", initRun)
        phase("parity close (cycle 0: every row)", baselineClose)
        let (close, capture, findings) = try bench.closeChangedCycle()
        phase("parity capture --until-caught-up", capture)
        phase("parity close (changed cycle)", close)
        let closedCycles = close.output.split(separator: "\n").filter { $0.hasPrefix("closed cycle ") }.count
        print("  cycles closed: \(closedCycles), keys compared: \(findings.compared), findings by kind: \(findings.keysByKind.mapValues(\.count))")
        let parityCorrect = findings.equal(planted)

        var full: (run: TimedRun, keys: Set<String>)?
        var windowed: (run: TimedRun, keys: Set<String>)?
        do {
            let peer = try DataDiffPeer.install(into: venvDirectory)
            // The full diff last: verify follows it, so the two meet the machine in the same state.
            windowed = try peer.diff(port: bench.cluster.port, whereClause: planted.whereWindow)
            full = try peer.diff(port: bench.cluster.port)
            for (name, result) in [("data-diff (full, ", full), ("data-diff --where (", windowed)] {
                guard let result else { continue }
                phase("\(name)\(result.keys.count) differing keys)", result.run)
                if result.keys != planted.allKeys { print("    its output begins: \(result.run.output.prefix(400))") }
            }
        } catch {
            print("  data-diff did not run: \(error)")
        }
        let compared = findings.compared
        var results = [
            BenchResult(
                name: "baseline_init_and_cycle0", figure: initRun.seconds + baselineClose.seconds, unit: "s",
                peer: "data-diff full", peerFigure: full?.run.seconds, rows: rows,
                peakRSSMegabytes: max(initRun.peakMegabytes, baselineClose.peakMegabytes), lowerIsBetter: true),
            BenchResult(
                name: "close_cycle", figure: close.seconds, unit: "s", peer: "data-diff full", peerFigure: full?.run.seconds,
                rows: compared, peakRSSMegabytes: close.peakMegabytes, lowerIsBetter: true,
                correct: parityCorrect, peerCorrect: full.map { $0.keys == planted.allKeys }),
        ]
        if let workers = postgresWorkers {
            bench.stop()
            print("PostgreSQL store, \(workers) parity worker processes, a fresh pair:")
            let pg = try WorkerCloseRun(parityBinary: parityBinary, planted: planted, workers: workers).run()
            let baseline = pg.initRun.seconds + pg.cycle0
            let workerPeak = Double(pg.peakAtEnd.max() ?? 0) / 1_048_576
            results += [
                BenchResult(
                    name: "pg_store_baseline_init_and_cycle0", figure: baseline, unit: "s", peer: "data-diff full",
                    peerFigure: full?.run.seconds, rows: rows,
                    peakRSSMegabytes: max(pg.initRun.peakMegabytes, Double(pg.peakAfterCycle0.max() ?? 0) / 1_048_576), lowerIsBetter: true),
                BenchResult(
                    name: "pg_store_baseline_vs_sqlite", figure: baseline, unit: "s", peer: "sqlite store",
                    peerFigure: initRun.seconds + baselineClose.seconds, rows: rows,
                    peakRSSMegabytes: max(pg.initRun.peakMegabytes, Double(pg.peakAfterCycle0.max() ?? 0) / 1_048_576), lowerIsBetter: true),
                BenchResult(
                    name: "pg_store_close_cycle", figure: pg.close, unit: "s", peer: "sqlite store close", peerFigure: close.seconds,
                    rows: pg.findings.compared, peakRSSMegabytes: workerPeak, lowerIsBetter: true, correct: pg.correct, peerCorrect: parityCorrect),
                BenchResult(
                    name: "pg_store_close_cycle_from_plan", figure: pg.closeFromPlan, unit: "s", peer: "sqlite store close",
                    peerFigure: close.seconds, rows: pg.findings.compared, peakRSSMegabytes: workerPeak, lowerIsBetter: true,
                    correct: pg.correct, peerCorrect: parityCorrect),
                BenchResult(
                    name: "pg_store_fold_after_close", figure: pg.foldAfterClose, unit: "s", peer: "sqlite store close",
                    peerFigure: close.seconds, rows: pg.findings.compared, peakRSSMegabytes: workerPeak, lowerIsBetter: true),
                BenchResult(
                    name: "pg_store_worker_peak_rss", figure: workerPeak, unit: "MB", peer: "target", peerFigure: 256, rows: rows,
                    peakRSSMegabytes: workerPeak, lowerIsBetter: true),
            ]
            return results
        }
        let verify = try VerifyRun(bench: bench).run()
        phase("parity verify --sources (\(verify.drifts.count) drifts)", verify.run)
        if !verify.correct { print("    planted \(VerifyRun(bench: bench).planted.sorted()), found \(verify.drifts.sorted())") }
        return results + [
            BenchResult(
                name: "close_cycle_vs_where", figure: close.seconds, unit: "s", peer: "data-diff --where",
                peerFigure: windowed?.run.seconds, rows: compared, peakRSSMegabytes: close.peakMegabytes, lowerIsBetter: true,
                correct: parityCorrect, peerCorrect: windowed.map { $0.keys == planted.allKeys }),
            BenchResult(
                name: "verify_sources", figure: verify.run.seconds, unit: "s", peer: "data-diff full", peerFigure: full?.run.seconds,
                rows: rows, peakRSSMegabytes: verify.run.peakMegabytes, lowerIsBetter: true, correct: verify.correct,
                peerCorrect: full.map { $0.keys == planted.allKeys }),
            BenchResult(
                name: "close_keys_per_second", figure: Double(compared) / close.seconds, unit: "keys/s", peer: "target",
                peerFigure: 200_000, rows: compared, peakRSSMegabytes: close.peakMegabytes, correct: parityCorrect),
        ]
    }

    static func phase(_ name: String, _ run: TimedRun) {
        print("  " + name.padding(toLength: 45, withPad: " ", startingAt: 0)
            + String(format: "%8.2f s  peak RSS %6.0f MB", run.seconds, run.peakMegabytes))
    }
}
