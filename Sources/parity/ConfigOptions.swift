import ArgumentParser
import Foundation
import ParityConfig
import ParityModel

/// The `--config` option every subcommand shares.
struct ConfigOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "The config file (default: $PARITY_CONFIG, else parity.yaml).")
    var config: String?

    /// Loads and validates the config; a ``ConfigurationError`` lists every issue (exit 2).
    func load() throws(ConfigurationError) -> ParityConfiguration {
        try ParityConfiguration.load(path: config ?? ProcessInfo.processInfo.environment["PARITY_CONFIG"] ?? "parity.yaml")
    }
}

/// Writes a message to standard error, with a newline unless told otherwise.
func printError(_ message: String, newline: Bool = true) {
    FileHandle.standardError.write(Data((newline && !message.hasSuffix("\n") ? message + "\n" : message).utf8))
}

/// A source named on the command line (`--source legacy|new`).
enum SourceArgument: String, ExpressibleByArgument, CaseIterable {
    case legacy, new

    var side: SourceSide { self == .legacy ? .legacy : .new }
}
