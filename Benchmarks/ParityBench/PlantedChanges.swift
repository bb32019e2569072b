import Foundation

/// The cycle's writes on each side: every `stride`-th row changed identically on both (2% by default),
/// plus `perKind` planted differences of each kind (1,000 by default), and the differing keys they must produce.
struct PlantedChanges {
    /// Rows in each table before the cycle (ids 1...rows).
    let rows: Int
    /// Every `stride`-th id is changed on both sides.
    let stride: Int
    /// Planted differences of each kind; the value mismatches fall on the first `perKind` changed rows.
    let perKind: Int
    /// Whether the shared updates reach the WAL in random key order (as many writers on random keys would
    /// write them) instead of the table's physical order, which is nearly key order.
    let randomOrder: Bool

    init(rows: Int, stride: Int = 50, perKind: Int = 1_000, randomOrder: Bool = false) {
        self.rows = rows
        self.stride = stride
        self.perKind = perKind
        self.randomOrder = randomOrder
    }
    /// The change timestamp every changed row gets, the start of the `--where` window.
    static let windowStart = "2026-11-21 12:00:00+00"

    /// Legacy's writes: the shared updates, and rows the new side never receives.
    var legacySQL: String {
        sharedUpdate + "\n" + insert(from: rows + 1)
    }

    /// The new side's writes: the shared updates, amounts off by 0.01 on `perKind` of them, and rows
    /// legacy never had.
    var modernSQL: String {
        sharedUpdate + "\n" + insert(from: rows + perKind + 1) + "\n"
            + "UPDATE orders SET amount = amount + 0.01 WHERE id % \(stride) = 0 AND id <= \(stride * perKind);"
    }

    /// Keys that must be reported `missing_in_new`.
    var missingInNew: Set<String> { Set((rows + 1...rows + perKind).map(String.init)) }
    /// Keys that must be reported `missing_in_legacy`.
    var missingInLegacy: Set<String> { Set((rows + perKind + 1...rows + 2 * perKind).map(String.init)) }
    /// Keys that must be reported `value_mismatch` (on `amount`).
    var valueMismatch: Set<String> { Set((1...perKind).map { String($0 * stride) }) }
    /// Every differing key.
    var allKeys: Set<String> { missingInNew.union(missingInLegacy).union(valueMismatch) }

    /// The filter that selects the cycle's changes by their change timestamp.
    var whereWindow: String { "updated_at >= '\(Self.windowStart)'" }

    /// Both sides' starting rows, identical.
    static func fill(rows: Int) -> String {
        """
        CREATE TABLE orders (id bigint PRIMARY KEY, status text, amount numeric(12,2), updated_at timestamptz);
        INSERT INTO orders SELECT g, (ARRAY['open','paid','shipped','void'])[1 + g % 4], (g % 100000) / 100.0,
            timestamptz '2026-01-01 00:00:00+00' + g * interval '1 second' FROM generate_series(1, \(rows)) g;
        ANALYZE orders;
        """
    }

    private var sharedUpdate: String {
        let set = "status = 'paid', amount = o.amount + 1, updated_at = timestamptz '\(Self.windowStart)' + (o.id % 1000) * interval '1 millisecond'"
        guard randomOrder else { return "UPDATE orders AS o SET \(set) WHERE o.id % \(stride) = 0;" }
        // A nested loop driven by the ids in a scrambled order updates (and logs) the rows in that order.
        return """
            SET LOCAL enable_hashjoin = off;
            SET LOCAL enable_mergejoin = off;
            UPDATE orders AS o SET \(set)
            FROM (SELECT id FROM orders WHERE id % \(stride) = 0 ORDER BY md5(id::text)) AS r WHERE o.id = r.id;
            """
    }

    private func insert(from first: Int) -> String {
        """
        INSERT INTO orders SELECT g, 'open', 9.99, timestamptz '\(Self.windowStart)' + interval '1 second'
            FROM generate_series(\(first), \(first + perKind - 1)) g;
        """
    }
}
