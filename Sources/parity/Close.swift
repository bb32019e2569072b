import ArgumentParser
import ParityEngine

/// `parity close`: close every due reconciliation cycle, in order.
struct Close: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Close every due reconciliation cycle (the baseline first), in order.",
        discussion: """
            A cycle closes once both sources are complete through its end plus cycle.settle. Running it \
            again closes nothing twice. A cycle that cannot close yet is named with the source it waits for \
            (exit 0: nothing due is not an error).
            """
    )

    @OptionGroup var options: ConfigOptions

    @Flag(help: "Also close the next cycle that is not due yet; it is marked forced (incomplete).")
    var force = false

    func run() throws {
        let configuration = try options.load()
        let store = try openStore(configuration)
        let outcome = try CycleCloser.close(
            configuration, store: store, force: force, progress: ProgressPrinter(prefix: "close: ").sink, logger: LogLines.logger)
        for closed in outcome.closed {
            let cycle = closed.cycle
            print("closed cycle \(cycle.id) \(cycle.label)\(cycle.status == .forced ? " (forced)" : ""): "
                + "\(cycle.keysCompared) keys compared, \(closed.findings) findings, unexplained rate \(cycle.unexplainedRate)")
            if !closed.copiedAfterEnd.isEmpty {
                print("  not compared: \(closed.copiedAfterEnd.joined(separator: ", ")) (added after this cycle ended; a later cycle compares every row)")
            }
        }
        if !outcome.uninitialized.isEmpty {
            printError("close: \(outcome.uninitialized.joined(separator: ", ")) not initialized, compared in no cycle; "
                       + "stop capture, then run parity init --add \(outcome.uninitialized.joined(separator: " ")) --config \(configuration.file)")
        }
        if outcome.closed.isEmpty { print("no cycle closed") }
        if let waiting = outcome.waiting { print(waiting.description) }
    }
}
