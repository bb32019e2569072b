import ArgumentParser
import ParityConfig
import ParityEngine
import ParityModel
import Reconciliation
import Reports

/// `parity verify`: proof that what the store holds still agrees with itself and with its ledger.
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Prove the store equals the sources (--sources), or its ledger equals its state (--state).",
        discussion: """
            --sources reads each source inside a snapshot whose WAL position is exact (a temporary slot that exports its \
            snapshot, dropped once the snapshot is imported) into files beside the store, waits until capture has stored \
            everything before that position, and compares every row of the mapped tables, as raw text, with what the \
            store holds for that side as of the position; each row that differs is a capture_drift. Capture (parity capture or parity run) must be running. \
            --state compares both sides' full stored state (as of the last closed cycle) through every mapping, as the \
            baseline does, and checks that the differences it finds are exactly the ledger's open ones: a self-check of \
            the incremental closes whose expected result is none. Exit 0 when they agree, 1 when any discrepancy is found \
            (each listed), 2 on a configuration or store error, 3 when a source cannot be read or capture does not confirm. \
            Both only read the store, then record the result (the gate requires a recent clean --sources run covering \
            both sources and every mapping; a run limited by --source or --table is not recorded); capture and closes go on meanwhile.
            """
    )

    @OptionGroup var options: ConfigOptions

    @Flag(help: "Re-compare the full stored state and check the ledger against it.")
    var state = false

    @Flag(help: "Compare the store with each source at an exact WAL position.")
    var sources = false

    @Option(help: "With --sources: only this source (legacy or new).")
    var source: SourceArgument?

    @Option(name: .customLong("table"), help: "With --sources: only this table mapping (repeatable).")
    var tables: [String] = []

    @Option(help: "Output format: text or json.")
    var format: ReportFormat = .text

    func validate() throws {
        guard state != sources else { throw ValidationError("say what to verify: --sources or --state (one of them)") }
        if state, source != nil || !tables.isEmpty { throw ValidationError("--source and --table go with --sources") }
    }

    func run() throws {
        let configuration = try options.load()
        let store = try openStore(configuration)
        if let uninitialized = try? MappingStatus(configuration: configuration, store: store).uninitialized, !uninitialized.isEmpty {
            printError("verify: \(uninitialized.joined(separator: ", ")) not initialized: not verified; "
                       + "stop capture, run parity init --add \(uninitialized.joined(separator: " ")) --config \(configuration.file)")
        }
        let (text, exitCode): (String, Int32)
        if sources {
            let report = try SourceVerifier.run(
                configuration, store: store, sides: source.map { [$0.side] } ?? SourceSide.allCases, tables: tables,
                progress: ProgressPrinter(prefix: "verify: ").sink, logger: LogLines.logger)
            if tables.isEmpty, source == nil {
                try VerificationHistory.record(report, document: SourceVerificationRenderer.render(report, format: .json), store: store)
            }
            (text, exitCode) = (SourceVerificationRenderer.render(report, format: format.outputFormat), report.exitCode)
        } else {
            let report = try StateVerifier.run(configuration, store: store, progress: ProgressPrinter(prefix: "").sink, logger: LogLines.logger)
            try VerificationHistory.record(report, document: StateVerificationRenderer.render(report, format: .json), store: store)
            (text, exitCode) = (StateVerificationRenderer.render(report, format: format.outputFormat), report.exitCode)
        }
        print(text, terminator: "")
        if exitCode != 0 { throw ExitCode(exitCode) }
    }
}
