import ParityModel
@testable import ParityStore
import Testing

@Suite("Retired transaction writes: their summary")
struct TransactionWriteSummaryTests {
    static func write(_ table: String, inserts: Int = 0, updates: Int = 0) -> TableWrite {
        TableWrite(table: ExactText(table), inserts: inserts, updates: updates, deletes: 0, truncates: 0)
    }

    static func cycle(_ id: Int64, from start: Int64, to end: Int64) -> CycleRecord {
        CycleRecord(id: id, label: "day \(id)", start: start, end: end, status: .closed, closedAt: end, keysCompared: 0, unexplainedRate: "0")
    }

    @Test("rows count in the closed cycle whose window holds their commit time, or nowhere")
    func cycleRows() {
        // Windows [100, 200) and [300, 400): 250 and 400 fall in none.
        var summary = TransactionWriteSummary(cycles: [Self.cycle(3, from: 300, to: 400), Self.cycle(1, from: 100, to: 200)])
        for (rows, table, time) in [(2, "a", 100), (1, "b", 100), (3, "a", 199), (5, "a", 250), (7, "a", 300), (11, "a", 400), (13, "b", 99)] {
            summary.add(rows: rows, table: ExactText(table), committedAt: Int64(time))
        }
        #expect(summary.cycleRows == [.init(cycle: 1, table: "a"): 5, .init(cycle: 1, table: "b"): 1, .init(cycle: 3, table: "a"): 7])
    }

    @Test("transactions count by what they wrote, in any table order, with the earliest commit")
    func signatures() throws {
        var summary = TransactionWriteSummary(cycles: [])
        let pair = try #require(WriteSignature(json: #"[["b", 0, 1, 0, 0], ["a", 2, 0, 0, 0]]"#))
        #expect(pair.tables.map(\.table) == ["a", "b"])
        summary.add(transactions: 2, signature: pair, firstCommit: 30)
        summary.add(transactions: 1, signature: try #require(WriteSignature(json: #"[["a",2,0,0,0],["b",0,1,0,0]]"#)), firstCommit: 10)
        summary.add(transactions: 4, signature: WriteSignature([Self.write("a", inserts: 2)]), firstCommit: 20)
        #expect(summary.signatures == [
            pair: .init(transactions: 3, firstCommit: 10), WriteSignature([Self.write("a", inserts: 2)]): .init(transactions: 4, firstCommit: 20),
        ])
        #expect(WriteSignature(json: #"[["a", 1, 0, 0]]"#) == nil)
        #expect(WriteSignature(json: "not json") == nil)
    }

    @Test("signatures already stored add to their ids; new ones take the next ids, the earliest first")
    func signatureWrites() {
        var summary = TransactionWriteSummary(cycles: [])
        summary.add(transactions: 1, signature: WriteSignature([Self.write("a", inserts: 1)]), firstCommit: 7)
        summary.add(transactions: 1, signature: WriteSignature([Self.write("b", inserts: 1)]), firstCommit: 5)
        summary.add(transactions: 1, signature: WriteSignature([Self.write("c", inserts: 1), Self.write("a", updates: 1)]), firstCommit: 6)
        let known = TransactionWriteSummary.knownSignatures([
            (id: 4, write: Self.write("a", updates: 1)), (id: 4, write: Self.write("c", inserts: 1)), (id: 9, write: Self.write("d", inserts: 1)),
        ])
        #expect(known.count == 2)
        #expect(summary.signatureWrites(known: known).map { "\($0.id) \($0.signature.tables.map(\.table.rawValue)) \($0.isNew)" } == [
            "10 [\"b\"] true", "4 [\"a\", \"c\"] false", "11 [\"a\"] true",
        ])
    }

    @Test("a table name is told apart from a canonically equivalent one by its bytes")
    func exactNames() {
        var summary = TransactionWriteSummary(cycles: [])
        summary.add(transactions: 1, signature: WriteSignature([Self.write("caf\u{E9}", inserts: 1)]), firstCommit: 1)
        summary.add(transactions: 1, signature: WriteSignature([Self.write("cafe\u{301}", inserts: 1)]), firstCommit: 2)
        #expect(summary.signatures.count == 2)
    }
}
