import ParityModel

/// How the store spreads keys over parts: `part` = FNV-1a 64 of the key's UTF-8 text, modulo P. Every table with a row
/// per key carries its key's part first in its primary key; a range of parts is the unit a worker closes and the unit
/// Citus distributes (migrations/postgres/001_schema.sql).
///
/// The key hashed is a canonical key: the ledger's and carried keys' as they are, a row's or a change's its row key
/// with the mapping's key normalizers applied (``KeyPlacement``; without normalizers the row key is the canonical key),
/// so a key's rows on both sides, its changes and its differences share a part.
public struct KeyPartition: Sendable, Equatable {
    /// Every part whatever P: what a statement not limited to a task's parts filters on (`part` is an `integer`).
    static let everyPart = 0...Int(Int32.max)

    /// P, the number of parts (1024 by default), fixed when the store was created.
    public let count: Int

    /// Creates the partitioning into `count` parts.
    public init(count: Int) {
        self.count = max(1, count)
    }

    /// The part of canonical key `key`, in `0..<count`.
    public func part(of key: CanonicalKey) -> Int {
        part(of: key.rawValue)
    }

    /// The part of `key` (JSON text), in `0..<count`.
    public func part(of key: String) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return Int(hash % UInt64(count))
    }
}
