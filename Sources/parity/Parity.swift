import ArgumentParser
import ParityEngine

/// The `parity` command line: one subcommand per job, each mapping its outcome to an exit code.
@main
struct Parity: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parity",
        abstract: "Prove, every business day, that a new PostgreSQL database holds what the legacy one holds.",
        discussion: """
            Exit codes: 0 success, 1 gate failed, 2 usage or configuration error, \
            3 database unreachable or replication unusable.
            """,
        version: ParityVersion.current,
        subcommands: [
            Check.self, Init.self, Capture.self, Status.self, Close.self, Report.self, Verify.self, Inventory.self, Gate.self,
            DispositionCommands.self, Contracts.self, Run.self, Worker.self, Teardown.self, Demo.self,
        ]
    )

    /// Runs the chosen subcommand; usage errors exit 2 (DESIGN.md), not ArgumentParser's 64. A ``CommandFailure``
    /// (or the engine, configuration or store error it stands for) is one line on standard error, plus
    /// `parity.error/1` on standard output when the command was asked for JSON.
    static func main() async {
        var command: (any ParsableCommand)?
        do {
            command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command?.run()
            }
        } catch {
            if let failure = CommandFailure.from(error) {
                printError(failure.text)
                if (command as? any FormatSelecting)?.printsJSON == true { print(failure.json(), terminator: "") }
                exit(withError: ExitCode(failure.exitCode))
            }
            if exitCode(for: error) == .validationFailure {
                printError(fullMessage(for: error))
                exit(withError: ExitCode(2))
            }
            exit(withError: error)
        }
    }
}
