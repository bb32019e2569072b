import Testing
@testable import Reconciliation

/// The store's rows as of a source position: state as of the last closed cycle (a base overridden by a delta),
/// overridden by changes before the position.
@Suite struct StoredRowsAtPositionTests {
    private typealias Closed = StoredRowsAtPosition.ClosedRow
    private typealias Change = StoredRowsAtPosition.Change

    private func rows(position: Int64, _ base: [Closed], delta: [Closed] = [], _ changes: [Change]) throws -> [String] {
        var baseRows = base.makeIterator()
        var deltaRows = delta.makeIterator()
        var changedRows = changes.makeIterator()
        var stored = StoredRowsAtPosition(
            position: position, base: { baseRows.next() }, delta: { deltaRows.next() }, changes: { changedRows.next() })
        var seen: [String] = []
        while let row = try stored.next() {
            seen.append("\(row.key) \(row.image ?? "-")\(row.comparable ? "" : " not comparable") \(row.columns)")
        }
        return seen
    }

    private func closed(_ key: String, _ image: String?, lsn: Int64 = 10) -> Closed {
        Closed(key: key, columns: ["a"], image: image, lsn: lsn)
    }

    private func change(_ key: String, _ image: String?) -> Change {
        Change(key: key, columns: ["b"], image: image)
    }

    @Test func changesOverrideTheClosedStateInCommitOrder() throws {
        let seen = try rows(
            position: 100,
            [closed("k1", "one"), closed("k2", "two"), closed("k4", nil), closed("k5", "five")],
            [change("k2", "two'"), change("k2", "two''"), change("k3", "three"), change("k5", nil), change("k6", nil), change("k6", "six")])
        #expect(seen == [
            "k1 one [\"a\"]", "k2 two'' [\"b\"]", "k3 three [\"b\"]", "k6 six [\"b\"]",
        ])
    }

    @Test func aKeyFoldedAtOrAfterThePositionIsNotComparable() throws {
        let seen = try rows(
            position: 100, [closed("k1", "one", lsn: 100), closed("k2", nil, lsn: 150), closed("k3", "three", lsn: 99)],
            [change("k1", "before")])
        #expect(seen == ["k1 before not comparable [\"b\"]", "k2 - not comparable []", "k3 three [\"a\"]"])
    }

    @Test func theDeltaOverridesTheBase() throws {
        let seen = try rows(
            position: 100, [closed("k1", "one"), closed("k2", "two"), closed("k3", "three")],
            delta: [Closed(key: "k0", columns: ["d"], image: "zero", lsn: 50), Closed(key: "k1", columns: ["d"], image: nil, lsn: 60),
                    Closed(key: "k2", columns: ["d"], image: "two'", lsn: 60), Closed(key: "k3", columns: ["d"], image: "three'", lsn: 120)],
            [change("k1", "one again")])
        #expect(seen == ["k0 zero [\"d\"]", "k1 one again [\"b\"]", "k2 two' [\"d\"]", "k3 - not comparable []"])
    }

    @Test func nothingStoredIsNothing() throws {
        #expect(try rows(position: 1, [], []).isEmpty)
        #expect(try rows(position: 100, [closed("k", nil)], [change("j", nil)]).isEmpty)
    }
}
