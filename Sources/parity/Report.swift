import ArgumentParser
import ParityEngine
import Reports

/// `parity report`: reports of closed cycles.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render reports of closed cycles.", subcommands: [EndOfDay.self, Monthly.self, OpenDifferences.self]
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

    @Option(help: "The date label (YYYY-MM-DD) of the closed cycle to report.")
    var date: String?

    @Option(help: "Output format: text, json, csv or html.")
    var format: ReportFormat = .text

    @OptionGroup var csv: CSVOptions

    func validate() throws {
        if let limit, limit < 0 { throw ValidationError("--limit takes a count of 0 or more") }
        if cycle != nil, date != nil { throw ValidationError("--cycle and --date each select a cycle: give one") }
        if let date, date.wholeMatch(of: /[0-9]{4}-[0-9]{2}-[0-9]{2}/) == nil {
            throw ValidationError("--date takes a day as YYYY-MM-DD, e.g. 2026-11-20")
        }
    }

    private var selection: EndOfDayLoader.Selection {
        if let cycle { return .id(cycle) }
        return date.map(EndOfDayLoader.Selection.date) ?? .latest
    }

    func run() throws {
        let configuration = try options.load()
        let store = try openStore(configuration)
        let report = try EndOfDayLoader.load(configuration, store: store, selecting: selection, limit: limit)
        csv.print(EndOfDayRenderer.render(report, format: format.outputFormat), format: format)
    }
}

/// `parity report monthly`: the monthly close report for finance.
struct Monthly: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The monthly close report: aggregates legacy vs new, rounding-explained vs unexplained, sign-off."
    )

    @OptionGroup var options: ConfigOptions

    @Option(help: "The month to close, YYYY-MM (default: the month of the latest closed cycle).")
    var month: String?

    @Option(help: "Name printed as the preparer in the sign-off block.")
    var preparedBy: String?

    @Option(help: "Name printed as the reviewer in the sign-off block (blank to sign by hand when omitted).")
    var reviewedBy: String?

    @Option(help: "Output format: text, json, csv or html.")
    var format: ReportFormat = .text

    @OptionGroup var csv: CSVOptions

    func validate() throws {
        if let month, month.wholeMatch(of: /[0-9]{4}-(0[1-9]|1[0-2])/) == nil {
            throw ValidationError("--month takes a month as YYYY-MM, e.g. 2026-11")
        }
    }

    func run() throws {
        let configuration = try options.load()
        let store = try openStore(configuration)
        let month = if let month { month } else { try MonthlyLoader.latestMonth(store: store) }
        let report = try MonthlyLoader.load(
            configuration, store: store, month: month, preparedBy: preparedBy, reviewedBy: reviewedBy)
        csv.print(MonthlyRenderer.render(report, format: format.outputFormat), format: format)
    }
}

/// `parity report open`: the open-differences ledger, whatever cycle found each difference.
struct OpenDifferences: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Every open difference (what differs now, whatever cycle found it) with its first- and last-seen cycle.",
        discussion: """
            Lists the differences that still need a decision (no disposition, or match) unless --all is given, oldest \
            first. A difference stays open until a later close finds the column equal or the row gone on both sides; \
            every close compares every open key again. Dispositions are judged under the config as it is now.
            """)

    @OptionGroup var options: ConfigOptions

    @Option(help: "Only this table mapping.")
    var mapping: String?

    @Option(help: "Only this kind: missing_in_new, missing_in_legacy, value_mismatch or rounding.")
    var kind: String?

    @Flag(help: "List explained differences too (dispositioned intentional_change or legacy_bug).")
    var all = false

    @Option(help: "Output format: text, json, csv or html.")
    var format: ReportFormat = .text

    @OptionGroup var csv: CSVOptions

    func run() throws {
        let configuration = try options.load()
        let store = try openStore(configuration)
        let report = try OpenDifferencesLoader.load(
            configuration, store: store, mapping: mapping, kind: kind.map(OpenDifferencesLoader.kind(named:)), includeExplained: all)
        csv.print(OpenDifferencesRenderer.render(report, format: format.outputFormat), format: format)
    }
}

/// What CSV output may add for spreadsheets.
struct CSVOptions: ParsableArguments {
    @Flag(help: "With --format csv, start with a UTF-8 byte-order mark, so Excel on Windows reads accented names and arrows right.")
    var bom = false

    /// Prints a rendered report, after the byte-order mark when asked for one on CSV.
    func print(_ text: String, format: ReportFormat) {
        Swift.print((bom && format == .csv ? "\u{FEFF}" : "") + text, terminator: "")
    }
}

/// The formats `parity report` commands render.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv, html

    var outputFormat: OutputFormat { OutputFormat(rawValue: rawValue)! }
}
