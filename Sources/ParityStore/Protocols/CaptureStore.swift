import Foundation
import ParityModel

/// What capture and `parity init` write and read: each source's record and position, its transactions (whole or
/// streamed), baselines, the mappings' copies, census samples, and durability.
///
/// The contract: a transaction's changes and the source's checkpoint position commit together (all or none), and a
/// transaction at or below the checkpoint is skipped, so a replay after a crash or reconnect applies nothing twice.
public protocol CaptureStore: Sendable {
    /// Takes the one capture this store may have, recording `holder`; throws `.captureRunning` naming the holder when
    /// another process captures into it. The capture holds it until the returned lease is released.
    func lockCapture(holder: String, now: Date) throws(StoreError) -> any CaptureLease

    /// Every initialized source, legacy first.
    func sourceRecords() throws(StoreError) -> [SourceRecord]
    /// The record of the source on `side`, or nil before `parity init`.
    func sourceRecord(side: SourceSide) throws(StoreError) -> SourceRecord?
    /// Records a source initialized by `parity init` (slot, publications, snapshot position).
    func recordInitialized(_ record: SourceRecord) throws(StoreError)
    /// Notes that `side` is idle and complete up to `position` as of server time `serverTime` (µs since 1970, a
    /// keepalive): moves its watermark and checkpoint forward, never back.
    func recordIdle(side: SourceSide, position: UInt64, serverTime: Int64) throws(StoreError)
    /// Records the capture error of `side` (nil clears it).
    func recordCaptureError(side: SourceSide, _ message: String?) throws(StoreError)
    /// Forgets the source on `side` and everything captured from it.
    func discardSource(side: SourceSide) throws(StoreError)

    /// Applies source transactions (in commit order): their changes, the tables they wrote and the new checkpoint commit
    /// together. A transaction at or below the checkpoint is skipped. Returns how many were applied.
    @discardableResult
    func apply(_ transactions: [CapturedTransaction], side: SourceSide) throws(StoreError) -> Int
    /// Stages the changes of a streamed (in-progress) transaction `xid`; `restart` drops what an earlier connection staged.
    func stage(_ changes: [StagedChange], xid: UInt32, side: SourceSide, restart: Bool) throws(StoreError)
    /// Commits a streamed transaction's staged changes with the checkpoint; nil when it was committed before (a replay).
    @discardableResult
    func commitStreamed(_ commit: StreamedCommitRecord, side: SourceSide) throws(StoreError) -> Int?
    /// Drops what a streamed transaction (or one of its subtransactions) staged.
    func abortStreamed(xid: UInt32, subxid: UInt32, side: SourceSide) throws(StoreError)
    /// Drops every staged change of `side` (a new connection streams them again).
    func clearStaged(side: SourceSide) throws(StoreError)
    /// Makes every transaction committed so far survive power loss; capture calls it before it confirms a position.
    func makeDurable() throws(StoreError)

    /// Inserts a mapping's baseline rows (key values and images by column) copied at source position `lsn`.
    func insertBaseline(side: SourceSide, mapping: String, rows: [(key: [String?], values: [String: String?])], lsn: UInt64) throws(StoreError)
    /// Inserts a mapping's baseline rows already encoded (key text and values in ``StoredImageForm`` of `columns`).
    func insertBaseline(
        side: SourceSide, mapping: String, columns: [String], encoded rows: [(key: String, values: String)], lsn: UInt64
    ) throws(StoreError)
    /// Runs `body`, which copies the first baseline (`parity init`'s, into a store holding no rows): a store may load it
    /// in bulk, building its row indexes once the rows are in. Returns what `body` returns; throws what it throws.
    func loadingFirstBaseline<T>(_ body: () throws -> T) throws -> T
    /// Whether `parity init` copies both sources at once, each writing through a session of its own; otherwise one
    /// after the other (a store with one writer gains nothing from two, and its index pages then serve one copy).
    var loadsSourcesConcurrently: Bool { get }
    /// How many rows of `mapping` the store holds for `side` as of the last closed cycle (the baseline right after init).
    func rowCount(side: SourceSide, mapping: String) throws(StoreError) -> Int
    /// The current image of every key of `mapping` on `side` (key text → image): row state with the pending changes
    /// (committed streamed transactions included) applied in commit order.
    func currentImages(side: SourceSide, mapping: String) throws(StoreError) -> [ExactText: [String: String?]]
    /// The text form of images with `columns` (sorted names), for rows read from a source to compare with stored ones.
    func imageForm(columns: [String]) throws(StoreError) -> StoredImageForm

    /// Where each mapping was copied on each side.
    func mappingSources() throws(StoreError) -> [MappingSource]
    /// The cycle that first compared each mapping.
    func mappingBaselines() throws(StoreError) -> [String: Int64]
    /// Records a mapping copied (by `parity init` or `init --add`).
    func recordMappingCopied(_ source: MappingSource) throws(StoreError)
    /// Forgets a mapping on `sides`: its copies, rows and changes.
    func discardMapping(_ mapping: String, sides: [SourceSide]) throws(StoreError)

    /// Records one census sample of `side`'s client sessions.
    func recordCensusSample(side: SourceSide, sampledAt: Int64, limited: Bool, sessions: [CensusSessions]) throws(StoreError)
}

extension CaptureStore {
    /// Runs `body` as it is: the SQLite store writes a first baseline as any other.
    public func loadingFirstBaseline<T>(_ body: () throws -> T) throws -> T {
        try body()
    }

    /// One source after the other: the SQLite store has one writer.
    public var loadsSourcesConcurrently: Bool { false }

    /// Applies one source transaction with its checkpoint; `.alreadyApplied` when it ends at or before the checkpoint.
    @discardableResult
    public func apply(_ transaction: CapturedTransaction, side: SourceSide) throws(StoreError) -> ApplyOutcome {
        try apply([transaction], side: side) == 1 ? .applied : .alreadyApplied
    }

    /// Takes the one capture this store may have now (``lockCapture(holder:now:)``).
    public func lockCapture(holder: String) throws(StoreError) -> any CaptureLease {
        try lockCapture(holder: holder, now: Date())
    }
}

/// The one capture a store may have, held until released (the lease's last reference goes, or the process ends).
public protocol CaptureLease: AnyObject, Sendable {}
