import ArgumentParser
import Foundation
import LogicalReplication
import ParityConfig
import ParityEngine
import ParityStore
import Reports

/// `parity init`: check, then create publications and slots and copy the baseline.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check both sources, create Parity's publications and slots, and copy the baseline.",
        discussion: """
            Runs every check of parity check first and creates nothing unless all pass. Each source gets \\
            a publication of its mapped tables (legacy also its watched schemas; tables without a \\
            replica identity only in an insert-only publication) and a logical slot whose exported \\
            snapshot is used to copy every mapped table into the store, so streaming continues \\
            exactly where the copy ends. Both sources are initialized, or neither.
            """
    )

    @OptionGroup var options: ConfigOptions

    func run() throws {
        let configuration = try options.load()
        let store = try openStore(configuration)
        let outcome: ParityInit.Outcome
        do {
            outcome = try ParityInit.run(configuration, store: store, progress: ProgressPrinter(prefix: "init: ").sink)
        } catch let error as EngineError {
            printError(error.description)
            throw ExitCode(error.exitCode)
        }
        guard outcome.check.exitCode == 0 else {
            print(CheckReportRenderer.render(outcome.check, format: .text), terminator: "")
            printError("init created nothing: fix the failed checks above, then run parity init again")
            throw ExitCode(outcome.check.exitCode)
        }
        for source in outcome.sources {
            print("\(source.side): slot \(source.slot) at \(LSN(source.consistentPoint)), publications \(source.publications.joined(separator: ", "))")
        }
        for mapping in configuration.tables {
            let legacy = try store.rowCount(side: "legacy", mapping: mapping.name)
            let new = try store.rowCount(side: "new", mapping: mapping.name)
            print("baseline \(mapping.name): \(legacy) legacy rows, \(new) new rows")
        }
        print("initialized; the store is \(store.path)")
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
            let slot = result.droppedSlot.map { "dropped slot \($0) (released \(formatBytes(result.releasedWALBytes)) of WAL)" } ?? "no slot"
            let publications = result.droppedPublications.isEmpty ? "no publication" : "dropped publication \(result.droppedPublications.joined(separator: ", "))"
            print("\(result.side.rawValue): \(slot); \(publications)")
        }
        if failed { throw ExitCode(3) }
    }
}

/// Opens the configured store; a store error is one line and exit 2.
func openStore(_ configuration: ParityConfiguration) throws -> ParityStore {
    do {
        return try ParityStore.open(path: configuration.store.path)
    } catch {
        printError(error.description)
        throw ExitCode(2)
    }
}

/// Takes the store's capture lock for `holder`, or exits 3 naming the process that holds it.
func lockCapture(_ store: ParityStore, holder: String) throws -> CaptureLock {
    do {
        return try CaptureLock.acquire(for: store, holder: holder)
    } catch {
        printError(error.description)
        throw ExitCode(error.code == .captureRunning ? 3 : 2)
    }
}

/// A byte count for people: `812 B`, `12.3 MB`.
func formatBytes(_ bytes: Int64) -> String {
    let units = ["B", "kB", "MB", "GB", "TB"]
    var value = Double(bytes)
    var unit = 0
    while value >= 1024, unit < units.count - 1 {
        value /= 1024
        unit += 1
    }
    return unit == 0 ? "\(bytes) B" : String(format: "%.1f %@", value, units[unit])
}
