import ArgumentParser
import ParityEngine
import Reconciliation
import Reports

/// `parity verify`: proof that what the store holds still agrees with itself and with its ledger.
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the open-differences ledger against a full comparison of the stored state (--state).",
        discussion: """
            --state compares both sides' full stored state (as of the last closed cycle) through every mapping, as the \
            baseline does, and checks that the differences it finds are exactly the ledger's open ones: a self-check of \
            the incremental closes whose expected result is none. Exit 0 when they agree, 1 when any discrepancy is found \
            (each listed), 2 on a configuration or store error. It only reads the store; capture and closes may run meanwhile.
            """
    )

    @OptionGroup var options: ConfigOptions

    @Flag(help: "Re-compare the full stored state and check the ledger against it.")
    var state = false

    @Option(help: "Output format: text or json.")
    var format: ReportFormat = .text

    func validate() throws {
        guard state else { throw ValidationError("say what to verify: --state") }
    }

    func run() throws {
        let configuration = try options.load()
        let store = try openStore(configuration)
        let report: StateVerification
        do {
            report = try StateVerifier.run(configuration, store: store)
        } catch {
            printError(error.description)
            throw ExitCode(error.exitCode)
        }
        print(StateVerificationRenderer.render(report, format: format.outputFormat), terminator: "")
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}
