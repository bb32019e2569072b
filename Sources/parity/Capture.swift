import ArgumentParser
import Dispatch
import Foundation
import Logging
import ParityConfig
import ParityEngine
import ParityModel
import ParityService
import Reconciliation
import Reports
import ServiceLifecycle
import Synchronization

/// `parity capture`: stream both sources into the store until stopped or caught up, with the capture service `parity run`
/// uses, in a service group beside what ends it (``CaptureEnd``).
struct Capture: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Stream both sources' changes into the store.",
        discussion: """
            Runs until SIGINT or SIGTERM (the transaction in hand is applied and its position \
            confirmed, then it exits 0), or with --until-caught-up until each source has durably \
            applied everything committed before the command started. Resumes from the last durable \
            position: nothing is lost or applied twice across restarts and crashes.
            """
    )

    @OptionGroup var options: ConfigOptions

    @Flag(help: "Stop once both sources are caught up to the moment the command started.")
    var untilCaughtUp = false

    @Option(help: "With --until-caught-up, give up after this long (e.g. 90s, 10m).")
    var timeout: String = "10m"

    func run() async throws {
        let configuration = try options.load()
        guard let limit = Duration(parityText: timeout) else {
            throw ValidationError("--timeout takes a duration such as 90s or 10m")
        }
        let store = try openStore(configuration)
        let lock = try lockCapture(store, holder: "parity capture")
        defer { withExtendedLifetime(lock) {} }
        let logger = LogLines.logger
        let session = try CaptureSession(configuration: configuration, store: store, logger: logger)
        try session.checkSlots(configuration: configuration)
        if !session.uninitialized.isEmpty {
            printError("capture: \(session.uninitialized.joined(separator: ", ")) not initialized: not captured, not compared; "
                       + "stop capture, then parity init --add \(session.uninitialized.joined(separator: " ")) --config \(configuration.file)")
        }
        let end = CaptureEnd(session: session, configuration: configuration, catchUpTimeout: untilCaughtUp ? limit : nil)
        let services: [ServiceGroupConfiguration.ServiceConfiguration] = [
            .init(service: CaptureService(session: session, logger: logger)),
            .init(service: end, successTerminationBehavior: .gracefullyShutdownGroup, failureTerminationBehavior: .gracefullyShutdownGroup),
        ]
        try await ServiceGroup(configuration: ServiceGroupConfiguration(services: services, logger: logger)).run()
        switch end.reason {
        case .caughtUp:
            printProgress(session, "caught up")
        case .signal(let number) where untilCaughtUp:
            // What was confirmed is kept, and the exit status is the shell's for that signal (128 + its number), so
            // `capture --until-caught-up && close` does not go on.
            printProgress(session, "stopped before catching up")
            throw ExitCode(128 + number)
        case .signal, nil:
            printProgress(session, "stopped")
        }
    }

    /// One line per source: durable position, transactions applied, and commit-to-durable lag percentiles.
    private func printProgress(_ session: CaptureSession, _ status: String) {
        for (side, state) in session.states {
            var line = "\(side.rawValue): \(status), durable through \(state.durableLSN), \(state.transactionsApplied) transactions applied"
            if let p50 = state.commitLag.percentile(50), let p99 = state.commitLag.percentile(99) {
                line += ", commit to durable p50 \(p50) ms, p99 \(p99) ms"
            }
            print(line)
        }
    }
}

/// `parity status`: durable positions, watermarks and slot health per source; the exit code is the verdict.
struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show each source's capture position, watermark, lag and slot health.",
        discussion: """
            Exits 0 when healthy, 1 when degraded (lag over gate.max_lag, a slot whose wal_status is not reserved), \
            3 when a source cannot be reached, its slot is missing, lost or was recreated, or nothing is initialized.
            """)

    @OptionGroup var options: ConfigOptions

    @Option(help: "Output format: text or json.")
    var format: CheckFormat = .text

    func run() throws {
        let configuration = try options.load()
        let store = try openStore(configuration)
        let sources = try CaptureStatus.gather(configuration, store: store)
        let now = Date()
        let health = CaptureHealth.judge(sources, maxLag: configuration.gate.maxLag, now: now)
        print(StatusRenderer.render(sources, health: health, format: format.outputFormat, now: now), terminator: "")
        if health.level != .healthy { throw ExitCode(Int32(health.level.rawValue)) }
    }
}

/// SIGINT and SIGTERM, turned from process death into a flag the command polls.
final class StopSignal {
    private let semaphore = DispatchSemaphore(value: 0)
    private var sources: [any DispatchSourceSignal] = []
    private let last = Atomic<Int32>(0)

    init() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in
                self?.last.store(number, ordering: .relaxed)
                self?.semaphore.signal()
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Waits up to `seconds`; true once a stop signal arrived.
    func wait(seconds: Double) -> Bool {
        semaphore.wait(timeout: .now() + seconds) == .success
    }

    /// The number of the last stop signal received (0 before any).
    var received: Int32 { last.load(ordering: .relaxed) }
}
