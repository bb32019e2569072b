import Foundation
import ParityModel
import ParityStore

/// Records and transactions the conformance tests write, built only from the store's domain types.
enum Fixtures {
    /// Records `side` initialized with its checkpoint at `position`.
    static func initialize(_ store: any Store, _ side: SourceSide, at position: UInt64 = 100) throws {
        try store.recordInitialized(SourceRecord(
            side: side, slot: "parity_\(side.rawValue)", publications: ["parity_\(side.rawValue)"], systemIdentifier: "7300000000000000001",
            database: side.rawValue, consistentPoint: position, checkpointLSN: position, watermark: 0, initializedAt: 1))
    }

    /// An insert of `orders` row `id` (columns `id` and `amount`).
    static func insert(_ id: String, amount: String = "1.00") -> CapturedChange {
        CapturedChange(table: "public.orders", mapping: "orders", operation: .insert, key: [id], oldKey: nil,
                       values: ["id": .value(id), "amount": .value(amount)])
    }

    /// A transaction ending at `end` (its commit record 8 bytes before) committed at `time`.
    static func transaction(_ end: UInt64, at time: Int64, _ changes: [CapturedChange]) -> CapturedTransaction {
        CapturedTransaction(xid: UInt32(end), commitLSN: end - 8, endLSN: end, commitTime: time, changes: changes)
    }

    /// The flow day the fixtures date aggregate rows with, and its month: derived from a fixed instant, never the clock.
    static let day = dayText(Date(timeIntervalSince1970: 1_795_000_000))
    static let month = String(day.prefix(7))
    /// A day after `day` (a decision's expiry).
    static let later = dayText(Date(timeIntervalSince1970: 1_795_000_000 + 45 * 86_400))

    private static func dayText(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    /// A closed cycle's record.
    static func cycle(_ id: Int64, status: CycleStatus = .closed) -> CycleRecord {
        CycleRecord(id: id, label: "day \(id)", start: id * 100, end: id * 100 + 100, status: status, closedAt: id * 100 + 150,
                    keysCompared: 3, unexplainedRate: "0.25")
    }

    /// A finding of `orders` row `id`.
    static func finding(
        _ id: String, column: String?, kind: FindingKind, legacy: String? = "1.00", new: String? = "1.01", disposition: Disposition? = nil
    ) -> Finding {
        Finding(mapping: "orders", key: ["id": id], column: column, newColumn: column, kind: kind, legacy: legacy, new: new,
                      disposition: disposition, ruleNote: disposition.map { "rule for \($0.rawValue)" })
    }

    /// The canonical key text of `orders` row `id`.
    static func key(_ id: String) -> String {
        RowJSON.key([id])
    }

    /// The canonical key of order `id` (its row key: `orders` has no key normalizer).
    static func canonicalKey(_ id: String) -> CanonicalKey {
        CanonicalKey(key(id))
    }

    /// Closes cycle `id` recording `close` (its cycle set to `id`) after folding the changes committed before `end`.
    @discardableResult
    static func close(_ store: any Store, _ id: Int64, before end: Int64? = nil, _ close: CycleClose? = nil) throws -> CycleRecord? {
        try store.closeCycle(id: id, foldBefore: end) { _ in
            var recorded = close ?? CycleClose(cycle: cycle(id), tables: [], findings: [], carried: [])
            recorded.cycle = cycle(id)
            return recorded
        }
    }
}
