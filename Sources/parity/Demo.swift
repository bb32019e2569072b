import ArgumentParser
import Foundation
import ParityConfig
import ParityDemo
import ParityEngine
import Reconciliation
import Reports
import SourceQueries

/// `parity demo`: the whole story on a throwaway PostgreSQL, reports written into a work folder.
struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run Parity end to end on a throwaway PostgreSQL: two databases that disagree, capture, cycles, reports.",
        discussion: """
            Starts PostgreSQL on 127.0.0.1 (a free port, a temp folder), creates a legacy order system and its \
            modern replacement, initializes Parity, replays simulated business days of shadow traffic with planted \
            defects (one short cycle each), and writes the end-of-day, monthly and gate reports into the work folder \
            (the gate fails: the legacy system has hidden state and the planted defects are not explained). The server is stopped and removed at the end unless --keep is given.
            """
    )

    @Option(help: "Folder for the config, the store and the reports.")
    var work = ".parity-demo"

    @Option(help: "Simulated business days to replay (one cycle each).")
    var days = 8

    @Option(help: "Orders per simulated day.")
    var orders = 200

    @Option(help: "Cycle length, a duration like every other (4s, 1m); a bare number is seconds.")
    var period = "4s"

    /// `--period` in whole seconds; nil when it is not a duration.
    private var periodSeconds: Int? {
        if let seconds = Int(period) { return seconds }
        return Duration(parityText: period).map { Int($0.components.seconds) }
    }

    @Flag(help: "Leave the PostgreSQL server running and print how to connect to it.")
    var keep = false

    func validate() throws {
        guard (1...28).contains(days) else { throw ValidationError("--days takes 1 to 28") }
        guard (1...5_000).contains(orders) else { throw ValidationError("--orders takes 1 to 5000") }
        guard let seconds = periodSeconds, (2...60).contains(seconds) else {
            throw ValidationError("--period takes a duration from 2s to 60s (1m)")
        }
    }

    func run() throws {
        let started = Date()
        let outcome = try DemoRun.run(
            .init(workFolder: work, days: days, ordersPerDay: orders, period: periodSeconds ?? 4, keep: keep),
            progress: { print("demo: " + $0) }, finish: report)
        if let kept = outcome.kept {
            print("the server keeps running: legacy \(kept.legacy); new \(kept.new)")
            print("  run the service: parity run --config \(outcome.configPath)")
            print("  stop it: kill -INT $(head -n 1 \(kept.folder)/data/postmaster.pid) && sleep 2 && rm -rf \(kept.folder)")
        }
        print("demo finished in \(Int(Date().timeIntervalSince(started).rounded())) s")
    }

    /// Prints the last end-of-day report and the gate, and writes the end-of-day, monthly and gate reports (the databases are up).
    private func report(_ outcome: DemoRun.Outcome) throws {
        try verify(outcome)
        let contracts = try exportContracts(outcome.configuration, store: outcome.store, to: work + "/contracts", sample: 20, format: .json)
        print("demo: wrote \(contracts.written.count) contract file(s) to \(work)/contracts (parity contracts export)")
        let eod = try EndOfDayLoader.load(outcome.configuration, store: outcome.store, limit: 20)
        print("")
        print(EndOfDayRenderer.render(eod, format: .text), terminator: "")
        let monthly = try MonthlyLoader.load(outcome.configuration, store: outcome.store, month: outcome.month, preparedBy: "parity demo")
        let gate = GateEvaluator.evaluate(
            try GateLoader.load(outcome.configuration, store: outcome.store), configuration: outcome.configuration.gate)
        try GateHistory.record(gate, document: GateRenderer.render(gate, format: .json), configuration: outcome.configuration,
                               store: outcome.store)
        var written: [String] = []
        for format in [OutputFormat.html, .json] {
            let suffix = format == .html ? "html" : "json"
            written.append(try write(EndOfDayRenderer.render(eod, format: format), "eod-cycle-\(eod.id).\(suffix)"))
            written.append(try write(MonthlyRenderer.render(monthly, format: format), "monthly-\(outcome.month).\(suffix)"))
            written.append(try write(GateRenderer.render(gate, format: format), "gate.\(suffix)"))
        }
        print("")
        print(GateRenderer.render(gate, format: .text, configFile: outcome.configuration.file), terminator: "")
        print("")
        print("planted defects: " + outcome.planted.joined(separator: "; "))
        print("reports:")
        for path in written { print("  \(path)") }
        print("config: \(outcome.configPath)  (try: parity report monthly --config \(outcome.configPath))")
    }

    /// Proves the store equals both databases and its ledger its state (capture still runs), and records both checks.
    private func verify(_ outcome: DemoRun.Outcome) throws {
        let sources = try SourceVerifier.run(outcome.configuration, store: outcome.store)
        try VerificationHistory.record(sources, document: SourceVerificationRenderer.render(sources, format: .json), store: outcome.store)
        let state = try StateVerifier.run(outcome.configuration, store: outcome.store)
        try VerificationHistory.record(state, document: StateVerificationRenderer.render(state, format: .json), store: outcome.store)
        print("demo: verify --sources: \(sources.drifts.count) capture drift(s) in \(sources.tables.count) tables; "
            + "verify --state: \(state.discrepancies.count) ledger discrepancy(ies)")
    }

    private func write(_ text: String, _ name: String) throws(EngineError) -> String {
        let path = URL(fileURLWithPath: work).appendingPathComponent(name).standardizedFileURL.path
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw EngineError(.fileSystem, source: nil, message: "cannot write \(path): \(error.localizedDescription)",
                              fix: "check the work folder (--work) is writable")
        }
        return path
    }
}
