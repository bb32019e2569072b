import ArgumentParser
import ParityEngine
import Reconciliation
import Reports

/// `parity gate`: the decommission gate over the last closed cycles, recorded in the store; `--history` lists past evaluations.
struct Gate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Decide whether the legacy database can be switched off: each gate criterion PASS, FAIL or NOT EVALUATED.",
        discussion: """
            Evaluates the last gate.cycles closed cycles (the baseline excluded) and both sources' capture health, \
            prints the evidence and records the evaluation in the store. Exit codes: 0 pass, 1 fail, 2 cannot \
            evaluate (too few cycles, no complete month, configuration error), 3 a source unreachable when needed.
            """
    )

    @OptionGroup var options: ConfigOptions

    @Option(help: "Evaluate this many consecutive closed cycles (default: gate.cycles).")
    var cycles: Int?

    @Option(name: [.customLong("date"), .customLong("as-of")],
            help: "Evaluate as of the end of this business day, YYYY-MM-DD, as report eod's --date (default: the latest closed cycle).")
    var asOf: String?

    @Option(help: "Output format: text, json, csv or html (--history: text or json).")
    var format: ReportFormat = .text

    @OptionGroup var csv: CSVOptions

    @Flag(help: "List past gate evaluations (who, when, result, config hash) instead of evaluating.")
    var history = false

    func validate() throws {
        if let cycles, cycles < 1 { throw ValidationError("--cycles takes a count of 1 or more") }
        if history, cycles != nil || asOf != nil { throw ValidationError("--history lists past evaluations: drop --cycles and --date") }
        if history, format == .csv || format == .html { throw ValidationError("--history prints text or json") }
    }

    func run() throws {
        var configuration = try options.load()
        if let cycles { configuration.gate.cycles = cycles }
        let store = try openStore(configuration)
        if history {
            print(GateHistoryRenderer.render(try GateHistory.entries(store: store), format: format.outputFormat), terminator: "")
            return
        }
        let report = GateEvaluator.evaluate(try GateLoader.load(configuration, store: store, asOf: asOf), configuration: configuration.gate)
        try GateHistory.record(report, document: GateRenderer.render(report, format: .json), configuration: configuration, store: store)
        csv.print(GateRenderer.render(report, format: format.outputFormat, configFile: configuration.file), format: format)
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}
