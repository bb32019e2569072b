import Foundation
import LogicalReplication
import Testing

struct LSNTests {
    @Test func parsesAndFormatsPostgresSpelling() {
        let lsn = LSN("0/1989D78")
        #expect(lsn == LSN(0x1989D78))
        #expect(lsn?.description == "0/1989D78")
        #expect(LSN("16/b374d848")?.description == "16/B374D848")
        #expect(LSN("FFFFFFFF/FFFFFFFF") == LSN(UInt64.max))
        #expect(LSN.invalid.description == "0/0")
        #expect(!LSN.invalid.isValid)
    }

    @Test(arguments: ["", "/", "0/", "/1", "0x1/2", "1/2/3", "123456789/0", "g/0", "1 /2", "-1/0"])
    func rejectsMalformedText(_ text: String) {
        #expect(LSN(text) == nil)
    }

    @Test func ordersAndMeasuresBytes() {
        let a = LSN("0/100")!, b = LSN("1/0")!
        #expect(a < b)
        #expect(a.distance(to: b) == 0x1_0000_0000 - 0x100)
        #expect(b.distance(to: a) == -(0x1_0000_0000 - 0x100))
        #expect(a.advanced(by: 0x100) == LSN("0/200"))
        #expect(b.advanced(by: -1) == LSN("0/FFFFFFFF"))
        #expect(LSN(UInt64.max).advanced(by: 1) == .invalid)
    }

    @Test func codesAsString() throws {
        let lsn = LSN("A/1")!
        let data = try JSONEncoder().encode([lsn])
        #expect(String(decoding: data, as: UTF8.self) == #"["A\/1"]"#)
        #expect(try JSONDecoder().decode([LSN].self, from: data) == [lsn])
    }
}

