import ParityModel
import ParityStore
import Testing

/// What the close relies on: rows sorted by key text in byte order, a cycle recorded once, the state read as of a cycle's
/// end and as of the last closed cycle.
@Suite("Store contract: cycle state")
struct CycleStateContractTests {
    /// Keys whose order tells byte order from others: prefixes, case, digits as text, the empty key, non-ASCII in 2, 3 and
    /// 4 UTF-8 bytes, a character after U+FFFF (UTF-16 order differs), and a space and a quote (escaped in the key's text).
    static let ids = ["b", "a", "ab", "a b", "B", "10", "9", "", "é", "e", "Ω", "😀", "\u{FF5E}", "z", "a\"q", "aa"]

    /// `keys` in byte order of their UTF-8 text.
    static func byteOrder(_ keys: [String]) -> [String] {
        keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    static func keys(of cursor: any StateRowCursor) throws -> [String] {
        var keys: [String] = []
        while let row = try cursor.next() { keys.append(row.key) }
        return keys
    }

    @Test("rows come back sorted by key text in byte order (prefixes, non-ASCII, case)", arguments: StoreFactory.all)
    func sortedRows(_ factory: StoreFactory) throws {
        let opened = try factory.open()
        let store = opened.store
        try Fixtures.initialize(store, .legacy)
        try store.insertBaseline(
            side: .legacy, mapping: "orders", rows: Self.ids.map { (key: [$0], values: ["id": $0, "amount": "1.00"]) }, lsn: 100)
        let expected = Self.byteOrder(Self.ids.map(Fixtures.key))
        let closed = try store.withClosedState { reader in try Self.keys(of: reader.rows(side: .legacy, mapping: "orders", changedOnly: false)) }
        #expect(closed == expected)

        // Changes in cycle 1 (some keys new, one deleted): the state as of its end, and its changed keys, in the same order.
        let added = ["ac", "Ωa", "😀😀", "0"]
        try store.apply(Fixtures.transaction(200, at: 10, added.map { Fixtures.insert($0) } + [
            CapturedChange(table: "public.orders", mapping: "orders", operation: .delete, key: ["ab"], oldKey: nil, values: [:]),
        ]), side: .legacy)
        var atEnd: [String] = []
        var changed: [String] = []
        var deletedImage: [String: String?]?? = .none
        try store.closeCycle(id: 1, foldBefore: 20) { reader in
            atEnd = try Self.keys(of: reader.rows(side: .legacy, mapping: "orders", changedOnly: false))
            let rows = try reader.rows(side: .legacy, mapping: "orders", changedOnly: true)
            while let row = try rows.next() {
                changed.append(row.key)
                if row.key == Fixtures.key("ab") { deletedImage = .some(try row.image) }
            }
            #expect(try reader.keys(side: .legacy, mapping: "orders") == atEnd)
            #expect(!reader.changedNothing)
            return CycleClose(cycle: Fixtures.cycle(1), tables: [], findings: [], carried: [])
        }
        #expect(atEnd == Self.byteOrder((Self.ids.filter { $0 != "ab" } + added).map(Fixtures.key)))
        #expect(changed == Self.byteOrder((added + ["ab"]).map(Fixtures.key)))
        #expect(deletedImage == .some(nil), "a key the cycle deleted comes with no image")
        #expect(try store.closedImage(side: .legacy, mapping: "orders", rowKey: Fixtures.key("Ωa"))?["id"] == .some("Ωa"))
        #expect(try store.closedImage(side: .legacy, mapping: "orders", rowKey: Fixtures.key("ab")) == nil)
    }

    @Test("closing a cycle twice records it once", arguments: StoreFactory.all)
    func closeOnce(_ factory: StoreFactory) throws {
        let opened = try factory.open()
        let store = opened.store
        let close = CycleClose(
            cycle: Fixtures.cycle(0), tables: [CycleTableRecord(mapping: "orders", compared: 3, matched: 2, findingsByKind: ["rounding": 1])],
            findings: [Fixtures.finding("1", column: "amount", kind: .rounding)],
            carried: [CarriedKey(mapping: "orders", canonicalKey: Fixtures.canonicalKey("2"))])
        let first = try Fixtures.close(store, 0, close)
        #expect(first == Fixtures.cycle(0))
        var compared = false
        let second = try store.closeCycle(id: 0, foldBefore: nil) { _ in
            compared = true
            return close
        }
        #expect(second == nil)
        #expect(!compared, "a closed cycle is not compared again")
        #expect(try store.cycles() == [Fixtures.cycle(0)])
        #expect(try store.findings(cycle: 0).count == 1)
        #expect(try store.cycleTables(cycle: 0) == close.tables)
        #expect(try store.carriedKeys(into: 1) == close.carried)
    }

    @Test("a comparison that fails records nothing, and the cycle closes later", arguments: StoreFactory.all)
    func failedComparison(_ factory: StoreFactory) throws {
        struct Cut: Error {}
        let opened = try factory.open()
        let store = opened.store
        #expect(throws: (any Error).self) { try store.closeCycle(id: 0, foldBefore: nil) { _ in throw Cut() } }
        #expect(try store.cycles().isEmpty)
        #expect(try store.latestCycle() == nil)
        #expect(try Fixtures.close(store, 0) != nil)
        #expect(try store.cycle(id: 0)?.status == .closed)
    }

    @Test("cycles read back in order with their status", arguments: StoreFactory.all)
    func cycles(_ factory: StoreFactory) throws {
        let opened = try factory.open()
        let store = opened.store
        try Fixtures.close(store, 0)
        try store.closeCycle(id: 1, foldBefore: 200) { _ in CycleClose(cycle: Fixtures.cycle(1, status: .forced), tables: [], findings: [], carried: []) }
        #expect(try store.cycles().map(\.status) == [.closed, .forced])
        #expect(try store.latestCycle() == Fixtures.cycle(1, status: .forced))
        #expect(try store.cycle(id: 1) == Fixtures.cycle(1, status: .forced))
        #expect(try store.cycle(id: 2) == nil)
    }
}
