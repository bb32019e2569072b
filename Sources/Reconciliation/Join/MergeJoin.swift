import ParityModel

/// Both sides' rows of a mapping paired by canonical key, in canonical-key order, with the keys carried into the cycle
/// and the keys with an open difference merged in: the merge join of a cycle close, streamed one key at a time, so
/// memory stays flat however large the sides.
///
/// Each input must be in canonical-key order (``CanonicalKey``); a key may repeat within one. Of several rows of
/// a side sharing a canonical key, the last read pairs (raw keys that normalize alike).
///
/// Its work per key is inlinable, so that a caller's join is specialized for its sides' types rather than run
/// through generic witnesses for every row.
public struct MergeJoin<Legacy: SortedKeyedRows, New: SortedKeyedRows> {
    /// One canonical key: the row each side read for it (nil when that side read none), whether it was carried in,
    /// and whether the ledger has an open difference on it.
    public struct Pair {
        /// The canonical key.
        public var canonical: CanonicalKey
        /// The legacy row read for the key; nil when legacy read none.
        public var legacy: Legacy.Row?
        /// The new row read for the key; nil when new read none.
        public var new: New.Row?
        /// Whether the key was carried into the cycle.
        public var carried: Bool
        /// Whether the key has an open difference.
        public var open: Bool

        /// Creates a pair.
        @inlinable
        public init(canonical: CanonicalKey, legacy: Legacy.Row?, new: New.Row?, carried: Bool, open: Bool) {
            self.canonical = canonical
            self.legacy = legacy
            self.new = new
            self.carried = carried
            self.open = open
        }
    }

    @usableFromInline var legacy: PeekedRows<Legacy>
    @usableFromInline var new: PeekedRows<New>
    @usableFromInline var carried: SortedKeys
    @usableFromInline var open: SortedKeys

    /// Joins `legacy` and `new` with the `carried` and `open` keys, each in canonical-key order; reads each side's first row.
    @inlinable
    public init(legacy: Legacy, new: New, carried: [CanonicalKey] = [], open: [CanonicalKey] = []) throws {
        self.legacy = try PeekedRows(legacy)
        self.new = try PeekedRows(new)
        self.carried = SortedKeys(carried)
        self.open = SortedKeys(open)
    }

    /// The next key; nil after the last.
    @inlinable
    public mutating func next() throws -> Pair? {
        let rows = CanonicalKey.first(legacy.current?.canonicalKey, new.current?.canonicalKey)
        guard let canonical = CanonicalKey.first(CanonicalKey.first(rows, carried.current), open.current) else { return nil }
        return Pair(canonical: canonical, legacy: try legacy.take(canonical), new: try new.take(canonical),
                    carried: carried.take(canonical), open: open.take(canonical))
    }
}
