import Logging
import ParityLogging
import ParityService

/// A one-shot command's log (`parity capture`, `parity close`): warnings and notices as they happen, one line each on
/// standard error, prefixed by the source they concern (`legacy: connection lost or refused (…); reconnecting,
/// attempt 2`), passwords removed. Errors are left out: a failure ends the command, which prints it with what to do as
/// its last line.
struct LogLines: LogHandler {
    let label: String
    var logLevel: Logger.Level = .notice
    var metadata: Logger.Metadata = [:]

    /// A logger writing through this handler.
    static let logger = Logger(label: "parity") { LogLines(label: $0) }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        guard event.level < .error else { return }
        let source = event.metadata?[LogKey.source.rawValue] ?? metadata[LogKey.source.rawValue]
        printError(Redaction.redact((source.map { "\($0): " } ?? "") + event.message.description))
    }
}
