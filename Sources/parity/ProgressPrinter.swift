import Foundation
import ParityEngine
import SourceQueries
import Synchronization

/// Prints progress (a table's copy, a mapping's comparison) on standard error: on a terminal one line rewritten in
/// place (shared by the subjects going at once, cut to the terminal's width so that it never wraps), a subject's last
/// line printed above it; otherwise a log line per subject at most every ten seconds and one when it ends.
final class ProgressPrinter: Sendable {
    private let terminal = isatty(STDERR_FILENO) == 1
    private let meter: Mutex<ProgressMeter>
    private let prefix: String

    /// A printer whose lines start with `prefix` (`init: `).
    init(prefix: String) {
        self.prefix = prefix
        meter = Mutex(ProgressMeter(everyReport: isatty(STDERR_FILENO) == 1))
    }

    /// The sink to hand to the work.
    var sink: WorkProgress.Sink {
        { [self] report in
            if terminal {
                let view = meter.withLock { $0.terminalView(for: report, at: Date()) }
                var text = "\r\u{1B}[2K"
                if let ended = view.ended { text += prefix + ended + "\n" }
                if let going = view.going { text += Self.fitted(prefix + going) }
                printError(text, newline: false)
            } else if let line = meter.withLock({ $0.line(for: report, at: Date()) }) {
                printError(prefix + line)
            }
        }
    }

    /// `line` cut to one character less than the terminal's width, ending in `…` when cut.
    private static func fitted(_ line: String) -> String {
        var size = winsize()
        guard ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 1, line.count >= Int(size.ws_col) else { return line }
        return String(line.prefix(Int(size.ws_col) - 2)) + "…"
    }
}
