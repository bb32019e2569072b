import ArgumentParser
import Foundation
import ParityConfig

/// The `--config` option every subcommand shares.
struct ConfigOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "The config file (default: $PARITY_CONFIG, else parity.yaml).")
    var config: String?

    /// Loads and validates the config; on error prints every issue and exits 2.
    func load() throws -> ParityConfiguration {
        let path = config ?? ProcessInfo.processInfo.environment["PARITY_CONFIG"] ?? "parity.yaml"
        do {
            return try ParityConfiguration.load(path: path)
        } catch {
            printError(error.description)
            throw ExitCode(2)
        }
    }
}

/// Writes a line to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
}
