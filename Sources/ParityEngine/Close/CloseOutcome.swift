import Foundation
import ParityConfig
import ParityModel
import ParityStore
import Reconciliation

/// What `parity close` did: the cycles it closed, in order, and why the next one is not closed yet.
public struct CloseOutcome: Sendable {
    /// A cycle closed by this run.
    public struct Closed: Sendable {
        /// The cycle as recorded.
        public var cycle: CycleRecord
        /// Findings reported (carried keys excluded).
        public var findings: Int
        /// Mappings added after this cycle ended: their first comparison is a later cycle's.
        public var copiedAfterEnd: [String] = []
    }

    /// Cycles closed by this run, oldest first.
    public var closed: [Closed] = []
    /// Why the next cycle cannot close yet.
    public var waiting: CloseWait?
    /// Configured mappings no cycle compares because they are not initialized (`parity init --add` them).
    public var uninitialized: [String] = []
}

/// Why the next cycle cannot close yet.
public struct CloseWait: Sendable, CustomStringConvertible {
    /// The cycle's label.
    public var label: String
    /// The instant both sources must be complete through (`end + settle`).
    public var due: Date
    /// The sources not yet complete through `due`, with their watermark; empty when the clock has not reached `due`.
    public var behind: [(side: SourceSide, watermark: Date)]

    public var description: String {
        guard !behind.isEmpty else { return "cycle \(label) is not due until \(StoreTime.iso(due))" }
        let sources = behind.map { "\($0.side.rawValue) (complete through \(StoreTime.iso($0.watermark)))" }
        return "cycle \(label) waits for \(sources.joined(separator: " and ")) to be complete through \(StoreTime.iso(due)); "
            + "keep parity capture running, or close it anyway with --force"
    }
}
