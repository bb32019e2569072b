import ArgumentParser
import Foundation
import Reconciliation
import ParityEngine
import Reports
import SourceQueries

/// The formats `parity check` prints.
enum CheckFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json

    var outputFormat: OutputFormat { self == .json ? .json : .text }
}

/// `parity check`: is each source ready for Parity, and does the config fit the databases?
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate the config and check both sources (read-only).",
        discussion: """
            Checks the server version, wal_level, free replication slots and WAL senders, the role's \
            replication and read privileges, every mapped table and column, column type pairs, \
            replica identities, max_slot_wal_keep_size, and the scope key and legacy summary tables \
            a close reads. Each check prints PASS, WARN or FAIL with the fix.

            Exit codes: 0 all pass, 2 configuration error, 3 a source unreachable or not usable.
            """
    )

    @OptionGroup var options: ConfigOptions

    @Option(help: "Output format: text or json.")
    var format: CheckFormat = .text

    func run() throws {
        let configuration = try options.load()
        let report: CheckReport
        if configuration.store.exists {
            let store = try openStore(configuration)
            do {
                report = try SourceCheck.run(configuration, store: store)
            } catch {
                throw CommandFailure(message: "reading the store \(store.location) failed: \(error)",
                                     fix: "check the store is readable", source: nil, code: .store)
            }
        } else {
            report = SourceCheck.run(configuration)
        }
        print(CheckReportRenderer.render(report, format: format.outputFormat), terminator: "")
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}
