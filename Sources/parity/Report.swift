import ArgumentParser
import ParityEngine
import Reports

/// `parity report`: reports of closed cycles.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render reports of closed cycles.", subcommands: [EndOfDay.self]
    )
}

/// `parity report eod`: the end-of-day report of one closed cycle.
struct EndOfDay: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eod", abstract: "The end-of-day report of a closed cycle (the latest by default)."
    )

    @OptionGroup var options: ConfigOptions

    @Option(help: "The id of the closed cycle to report (0 is the baseline).")
    var cycle: Int64?

    @Option(help: "Show at most this many findings (findings_total always counts all).")
    var limit: Int?

    @Option(help: "Output format: text or json.")
    var format: CheckFormat = .text

    func validate() throws {
        if let limit, limit < 0 { throw ValidationError("--limit takes a count of 0 or more") }
    }

    func run() throws {
        let configuration = try options.load()
        let store = try openStore(configuration)
        do {
            let report = try EndOfDayLoader.load(configuration, store: store, cycle: cycle, limit: limit)
            print(EndOfDayRenderer.render(report, format: format.outputFormat), terminator: "")
        } catch {
            printError(error.description)
            throw ExitCode(error.exitCode)
        }
    }
}
