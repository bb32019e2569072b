import Foundation
import Logging

/// Logging for `parity run`: one line per event, JSON when standard output is not a terminal.
public enum ServiceLogging {
    /// Bootstraps swift-log once for the process; call it only from `main`.
    public static func bootstrap(level: Logger.Level = .info) {
        let terminal = isatty(STDOUT_FILENO) == 1
        LoggingSystem.bootstrap { label in
            var handler: any LogHandler = terminal ? StreamLogHandler.standardOutput(label: label) : JSONLogHandler(label: label)
            handler.logLevel = level
            return handler
        }
    }
}
