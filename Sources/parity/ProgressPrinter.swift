import Foundation
import ParityEngine
import SourceQueries
import Synchronization

/// Prints progress (a table's copy, a mapping's comparison) on standard error: on a terminal one line rewritten in
/// place, otherwise a log line per table at most every ten seconds and one when it ends.
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
            guard let line = meter.withLock({ $0.line(for: report, at: Date()) }) else { return }
            if terminal {
                printError("\r\u{1B}[2K" + prefix + line, newline: report.done)
            } else {
                printError(prefix + line)
            }
        }
    }
}
