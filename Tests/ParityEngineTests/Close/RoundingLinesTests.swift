import Foundation
@testable import ParityEngine
@testable import ParityStore
import ParityModel
import ParityTestSupport
import Reconciliation
import Testing

/// The end-of-day rounding lines read from the store: a header total's evidence, kept apart by its kind, is named
/// `total: …` and stands where that name sorts among the columns, as it did when the name was stored.
@Suite struct RoundingLinesTests {
    @Test("columns and a total by table, column as the report names it and side, in byte order")
    func order() throws {
        let scratch = try ScratchDirectory("rounding-lines")
        let store = try ParityStore.open(path: scratch.file("parity.sqlite"))
        let column = String(decoding: try JSONEncoder().encode(RoundingEvidence()), as: UTF8.self)
        let total = String(decoding: try JSONEncoder().encode(TotalRoundingEvidence()), as: UTF8.self)
        try store.write { db in
            try db.execute(sql: "INSERT INTO cycle VALUES (0, 'baseline', 0, 0, 'closed', 0, 1, '0')")
            for (kind, name, evidence) in [("column", "vat", column), ("total", "total = Σ invoice_lines.amount", total), ("column", "amount", column)] {
                try db.execute(
                    sql: "INSERT INTO rounding_evidence (cycle, mapping, kind, column_name, side, evidence) VALUES (0, 'invoices', ?, ?, 'legacy', ?)",
                    arguments: [kind, name, evidence])
            }
        }
        let lines = try EndOfDaySections.rounding(store: store, cycle: 0)
        #expect(lines.map(\.column) == ["amount", "total: total = Σ invoice_lines.amount", "vat"])
        #expect(lines.map(\.mode) == ["undetermined", "neither", "undetermined"], "each read by its kind")
    }
}
