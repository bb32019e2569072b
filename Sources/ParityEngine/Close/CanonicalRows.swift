import Foundation
import ParityConfig
import ParityModel
import ParityStore
import Reconciliation

/// One side's rows of a mapping in canonical-key order, for the merge join of a cycle close.
///
/// Without key normalizers a row's canonical key is its key text and the store's key order is already
/// canonical, so rows stream straight from the cursor. With normalizers the side's rows are read once,
/// keyed canonically and sorted in memory (memory then grows with the rows read).
struct CanonicalRows {
    /// A row and its canonical key.
    struct Entry {
        var canonical: String
        var row: StateRow
    }

    private let cursor: StateRowCursor?
    private var sorted: IndexingIterator<[Entry]>?
    private(set) var current: Entry?

    init(_ cursor: StateRowCursor, mapping: TableMapping) throws {
        if mapping.key.normalize.isEmpty {
            self.cursor = cursor
        } else {
            var entries: [Entry] = []
            while let row = try cursor.next() {
                let values = RowComparer.canonicalKey(mapping: mapping, values: RowJSON.decodeKey(row.key) ?? [])
                entries.append(Entry(canonical: RowJSON.key(values), row: row))
            }
            entries.sort { CanonicalKeyOrder.precedes($0.canonical, $1.canonical) }
            self.cursor = nil
            sorted = entries.makeIterator()
        }
        try advance()
    }

    /// Takes the row at `canonical` if it is next (the last one when several raw keys share it).
    mutating func take(_ canonical: String) throws -> StateRow? {
        var taken: StateRow?
        while let entry = current, CanonicalKeyOrder.equal(entry.canonical, canonical) {
            taken = entry.row
            try advance()
        }
        return taken
    }

    private mutating func advance() throws {
        if let cursor {
            current = try cursor.next().map { Entry(canonical: $0.key, row: $0) }
        } else {
            current = sorted?.next()
        }
    }
}

/// Both sides' rows of a mapping paired by canonical key, in canonical-key order, with the carried keys and the keys
/// with an open difference (each sorted in canonical-key order) merged in: the merge join of a cycle close, streamed.
struct PairedRows {
    /// One canonical key: the row each side read for it (nil when that side read none), whether it was carried in,
    /// and whether the ledger has an open difference on it.
    struct Pair {
        var canonical: String
        var legacy: StateRow?
        var new: StateRow?
        var carried: Bool
        var open: Bool
    }

    private var legacy: CanonicalRows
    private var new: CanonicalRows
    private var carried: SortedKeys
    private var open: SortedKeys

    /// Pairs the rows `CycleStateReader.rows(side:mapping:changedOnly:)` reads on each side with `carried` and `open`.
    init(_ reader: CycleStateReader, mapping: TableMapping, changedOnly: Bool, carried: [String] = [], open: [String] = []) throws {
        legacy = try CanonicalRows(reader.rows(side: .legacy, mapping: mapping.name, changedOnly: changedOnly),
                                   mapping: mapping)
        new = try CanonicalRows(reader.rows(side: .new, mapping: mapping.name, changedOnly: changedOnly),
                                mapping: mapping)
        self.carried = SortedKeys(carried)
        self.open = SortedKeys(open)
    }

    /// The next key; nil after the last.
    mutating func next() throws -> Pair? {
        let rows = CanonicalKeyOrder.first(legacy.current?.canonical, new.current?.canonical)
        guard let canonical = CanonicalKeyOrder.first(CanonicalKeyOrder.first(rows, carried.current), open.current) else { return nil }
        return Pair(canonical: canonical, legacy: try legacy.take(canonical), new: try new.take(canonical),
                    carried: carried.take(canonical), open: open.take(canonical))
    }
}

/// Keys in canonical-key order, consumed as the merge join passes them.
private struct SortedKeys {
    private let keys: [String]
    private var next = 0

    init(_ keys: [String]) {
        self.keys = keys
    }

    var current: String? { keys.indices.contains(next) ? keys[next] : nil }

    /// Whether `canonical` is next (taking every copy of it).
    mutating func take(_ canonical: String) -> Bool {
        var taken = false
        while let key = current, CanonicalKeyOrder.equal(key, canonical) {
            taken = true
            next += 1
        }
        return taken
    }
}
