import Dispatch
import ParityModel
import ParityStore
import Synchronization

/// Writes a baseline copy's batches into the store on a thread of its own, so the source's COPY is read and encoded
/// while the store writes the batch before: at most `inFlight` batches wait. The first store error stops the writes
/// and is thrown by the next ``write(_:)`` or by ``finish()``.
final class BaselineWriter: Sendable {
    private let store: any CaptureStore
    private let side: SourceSide
    private let mapping: String
    private let columns: [String]
    private let position: UInt64
    private let cancellation: InitCancellation?
    private let queue = DispatchQueue(label: "parity.baseline-writer")
    private let slots: DispatchSemaphore
    private let failure = Mutex<(any Error)?>(nil)

    /// A `cancellation` that is cancelled refuses the next batch (``write(_:)`` throws `CancellationError`).
    init(
        store: any CaptureStore, side: SourceSide, mapping: String, columns: [String], position: UInt64,
        cancellation: InitCancellation? = nil, inFlight: Int = 2
    ) {
        self.store = store
        self.side = side
        self.mapping = mapping
        self.columns = columns
        self.position = position
        self.cancellation = cancellation
        slots = DispatchSemaphore(value: inFlight)
    }

    /// Queues `batch` (each row's key and values as ``RowJSON`` text), waiting while `inFlight` batches are queued.
    func write(_ batch: [(key: String, values: String)]) throws {
        try cancellation?.check()
        slots.wait()
        if let error = failure.withLock({ $0 }) {
            slots.signal()
            throw error
        }
        queue.async { [self] in
            defer { slots.signal() }
            guard failure.withLock({ $0 == nil }) else { return }
            do {
                try store.insertBaseline(side: side, mapping: mapping, columns: columns, encoded: batch, lsn: position)
            } catch {
                failure.withLock { $0 = error }
            }
        }
    }

    /// Waits for the queued batches; throws the first store error. Call it on every path out of the copy (a `defer`
    /// with `try?` when the copy failed first), so no batch is written after the caller moves on.
    func finish() throws {
        queue.sync {}
        if let error = failure.withLock({ $0 }) { throw error }
    }
}
