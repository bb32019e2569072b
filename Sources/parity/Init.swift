import ArgumentParser
import Foundation
import LogicalReplication
import ParityConfig
import ParityEngine
import ParityModel
import ParityStore
import Reconciliation
import Reports
import SourceQueries

/// `parity init`: check, then create publications and slots and copy the baseline.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check both sources, create Parity's publications and slots, and copy the baseline.",
        discussion: """
            Runs every check of parity check first and creates nothing unless all pass. Each source gets \
            a publication of its mapped tables (legacy also its watched schemas; tables without a \
            replica identity only in an insert-only publication) and a logical slot whose exported \
            snapshot is used to copy every mapped table into the store, so streaming continues \
            exactly where the copy ends. Both sources are initialized, or neither.

            A mapping added to the config later: parity init --add NAME publishes its tables and copies them inside \
            a snapshot whose WAL position is exact (changes committed before it are in the copy, later ones are \
            streamed), and the next cycle that ends after the copy compares every row of it. Stop capture first \
            (parity capture / parity run) and start it again afterwards. Killed midway, run it again: it copies \
            anew. parity init --remove NAME unpublishes a mapping's tables and forgets its rows and open differences.
            """
    )

    @OptionGroup var options: ConfigOptions

    @Option(parsing: .upToNextOption, help: "Initialize these mappings, added to the config after init.")
    var add: [String] = []

    @Option(parsing: .upToNextOption, help: "Unpublish these mappings and forget what the store holds of them.")
    var remove: [String] = []

    func validate() throws {
        if !add.isEmpty, !remove.isEmpty { throw ValidationError("--add and --remove go in separate runs") }
    }

    func run() throws {
        let configuration = try options.load()
        let store = try openStore(configuration)
        if !add.isEmpty { return try addMappings(configuration, store: store) }
        if !remove.isEmpty { return try removeMappings(configuration, store: store) }
        let outcome = try ParityInit.run(configuration, store: store, progress: ProgressPrinter(prefix: "init: ").sink, logger: LogLines.logger)
        guard outcome.check.exitCode == 0 else {
            print(CheckReportRenderer.render(outcome.check, format: .text), terminator: "")
            printError("init created nothing: fix the failed checks above, then run parity init again")
            throw ExitCode(outcome.check.exitCode)
        }
        for source in outcome.sources {
            print("\(source.side): slot \(source.slot) at \(LSN(source.consistentPoint)), publications \(source.publications.joined(separator: ", "))")
        }
        for mapping in configuration.tables {
            let copied = { (side: SourceSide) in outcome.copied[side]?[mapping.name] ?? 0 }
            print("baseline \(mapping.name): \(copied(.legacy)) legacy rows, \(copied(.new)) new rows copied")
        }
        print("initialized; the store is \(store.location)")
    }
}

extension Init {
    private func addMappings(_ configuration: ParityConfiguration, store: any Store) throws {
        let outcome = try MappingInit.add(add, configuration: configuration, store: store, progress: ProgressPrinter(prefix: "init: ").sink)
        guard outcome.check.exitCode == 0 else {
            print(CheckReportRenderer.render(outcome.check, format: .text), terminator: "")
            printError("init --add created nothing: fix the failed checks above, then run it again")
            throw ExitCode(outcome.check.exitCode)
        }
        for copied in outcome.copied {
            print("\(copied.side.rawValue): copied \(copied.mapping) (\(copied.table)), \(copied.rows) rows at \(copied.position)")
        }
        if outcome.copied.isEmpty { print("\(add.joined(separator: ", ")): already initialized on both sources") }
        print("added; the next cycle that ends after the copy compares every row; start capture again (parity capture / parity run)")
    }

    private func removeMappings(_ configuration: ParityConfiguration, store: any Store) throws {
        let removed = try MappingInit.remove(remove, configuration: configuration, store: store)
        for item in removed {
            print("\(item.side.rawValue): \(item.mapping) " + (item.unpublished.map { "unpublished (\($0))" } ?? "forgotten (its table stays published)"))
        }
        let stillConfigured = remove.filter { name in configuration.tables.contains { $0.name == name } }
        if !stillConfigured.isEmpty {
            printError("\(stillConfigured.joined(separator: ", ")) still in \(configuration.file): remove it there, or it is reported as not initialized")
        }
    }
}

/// `parity teardown`: drop Parity's slots and publications.
struct Teardown: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Drop Parity's replication slots and publications on both sources (tables are never touched).",
        discussion: "Releases the WAL the slots retained. Refuses a slot a running capture holds. The store is kept; delete it to start over."
    )

    @OptionGroup var options: ConfigOptions

    func run() throws {
        let configuration = try options.load()
        var failed = false
        for result in ParityTeardown.run(configuration) {
            if let error = result.error {
                failed = true
                printError("\(result.side.rawValue): \(error)")
                continue
            }
            let slot = result.droppedSlot.map { "dropped slot \($0) (released \(Humanized.bytes(result.releasedWALBytes)) of WAL)" } ?? "no slot"
            let publications = result.droppedPublications.isEmpty ? "no publication" : "dropped publication \(result.droppedPublications.joined(separator: ", "))"
            print("\(result.side.rawValue): \(slot); \(publications)")
        }
        if failed { throw ExitCode(3) }
    }
}

/// Opens the configured store; a ``StoreError`` is one line and exit 2 (3 when another process kept it locked too
/// long or it is damaged).
func openStore(_ configuration: ParityConfiguration) throws(StoreError) -> any Store {
    try configuration.store.open()
}

/// Takes the store's capture lock for `holder`; a ``StoreError`` naming the process that holds it exits 3.
func lockCapture(_ store: any Store, holder: String) throws(StoreError) -> any CaptureLease {
    try store.lockCapture(holder: holder)
}
