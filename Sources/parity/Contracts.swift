import ArgumentParser
import Foundation
import ParityConfig
import ParityEngine
import ParityStore
import Reports
import SourceQueries

/// `parity contracts`: what the legacy system taught, written down for the new system's test suite.
struct Contracts: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Behavioural contracts learned from the captured evidence, as test vectors.", subcommands: [ContractsExport.self]
    )
}

/// `parity contracts export`: one `parity.contract/1` file per contract.
struct ContractsExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write one file per contract (rounding, totals, value maps, trigger behaviour, decisions) with test vectors.",
        discussion: """
            Vectors are sampled from the state as of the last closed cycle; values of pii: true columns are masked. \
            Files are named <kind>.<subject>.json (or .csv). A contract the previous export into --out (same \
            format) wrote and this one no longer knows has its file removed; other files in --out are left alone. Each export is \
            recorded in the store: the end-of-day report and the gate show it (gate.require_contracts_export). \
            Schema: parity.contract/1, see docs/contracts.md.
            """
    )

    @OptionGroup var options: ConfigOptions

    @Option(help: "The directory to write into (created when missing).")
    var out: String

    @Option(help: "At most this many vectors per contract.")
    var sample: Int = 20

    @Option(help: "File format: json or csv.")
    var format: ContractFormat = .json

    func validate() throws {
        if sample < 1 || sample > 10_000 { throw ValidationError("--sample takes a count from 1 to 10000") }
    }

    func run() throws {
        let configuration = try options.load()
        let store = try openStore(configuration)
        let files = try exportContracts(configuration, store: store, to: out, sample: sample, format: format.format)
        print("wrote \(files.written.count) contract file(s) to \(out)")
        if !files.removed.isEmpty {
            print("removed \(files.removed.count) file(s) of contracts the evidence no longer supports: "
                + files.removed.map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: ", "))
        }
    }
}

/// `--format json|csv` of `parity contracts export`.
enum ContractFormat: String, ExpressibleByArgument, CaseIterable {
    case json, csv

    var format: ContractRenderer.Format { ContractRenderer.Format(rawValue: rawValue)! }
}

/// Exports the contracts of `store` into `directory` in `format` and records the export; returns the files written and
/// removed.
func exportContracts(
    _ configuration: ParityConfiguration, store: any Store, to directory: String, sample: Int, format: ContractRenderer.Format
) throws(EngineError) -> ContractExport.WrittenFiles {
    let export = try ContractExport.build(configuration, store: store, sample: sample)
    return try ContractExport.write(
        export, to: directory, format: format.rawValue, store: store, fileName: { ContractRenderer.fileName(id: $0, format: format) },
        render: { ContractRenderer.render($0, format: format) })
}
