import ParityModel
import Reconciliation
import Testing

@Suite("Aggregate row filters")
struct RowFilterTests {
    private func accepts(_ filter: String, _ row: RowImage) throws -> Bool {
        try RowFilter(parsing: filter).accepts(row)
    }

    @Test("comparisons: numbers exactly, other values as text, NULL is unknown")
    func comparisons() throws {
        #expect(try accepts("amount > 0", ["amount": "0.01"]))
        #expect(try !accepts("amount > 0", ["amount": "-0.01"]))
        #expect(try accepts("amount = 1", ["amount": "1.000"]))
        #expect(try accepts("status <> 'V'", ["status": "O"]))
        #expect(try accepts("status != 'V'", ["status": "O"]))
        #expect(try !accepts("status <> 'V'", ["status": nil]))
        #expect(try !accepts("not status = 'V'", ["status": nil]))
        #expect(try accepts("note = 'it''s'", ["note": "it's"]))
        #expect(try accepts("issued_on >= '2026-10-01'", ["issued_on": "2026-10-02"]))
        #expect(try accepts("\"Odd Name\" = true", ["Odd Name": "t"]))
    }

    @Test("texts compare by their bytes: a decomposed é is neither equal to nor in a list of the precomposed one")
    func textsByBytes() throws {
        let precomposed = "caf\u{E9}", decomposed = "cafe\u{301}"
        #expect(try accepts("name = '\(precomposed)'", ["name": .some(precomposed)]))
        #expect(try !accepts("name = '\(precomposed)'", ["name": .some(decomposed)]))
        #expect(try !accepts("name in ('\(precomposed)')", ["name": .some(decomposed)]))
        #expect(try accepts("name < 'caf'", ["name": .some(decomposed)]) == false)
        #expect(try accepts("name < 'caff'", ["name": .some(decomposed)]) && !(try accepts("name < 'caff'", ["name": .some(precomposed)])), "e < f < é")
    }

    @Test("is null, in lists, and/or/not with SQL precedence and parentheses")
    func logic() throws {
        #expect(try accepts("voided_at is null", ["voided_at": nil]))
        #expect(try accepts("voided_at is not null", ["voided_at": "2026-01-01"]))
        #expect(try accepts("currency in ('EUR', 'USD')", ["currency": "USD"]))
        #expect(try accepts("currency not in ('EUR')", ["currency": "USD"]))
        #expect(try !accepts("currency in ('EUR')", ["currency": nil]))
        #expect(try accepts("a = 1 or b = 2 and c = 3", ["a": "1", "b": "0", "c": "0"]))
        #expect(try !accepts("(a = 1 or b = 2) and c = 3", ["a": "1", "b": "0", "c": "0"]))
        #expect(try accepts("a = 1 or b = 2", ["a": "1", "b": nil]))
    }

    @Test("errors say where", arguments: [
        ("status <> ", 10), ("= 1", 0), ("a = 1 and", 9), ("a in (1", 7), ("a = 'open", 4), ("a ~ 1", 2), ("a = 1 b", 6),
    ])
    func errors(text: String, offset: Int) {
        #expect(throws: RowFilterError.self) { try RowFilter(parsing: text) }
        do {
            _ = try RowFilter(parsing: text)
        } catch {
            #expect(error.offset == offset, "\(text): \(error)")
        }
    }
}
