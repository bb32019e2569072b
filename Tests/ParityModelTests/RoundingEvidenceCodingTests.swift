import Foundation
import ParityModel
import Testing

@Suite("Rounding evidence as stored")
struct RoundingEvidenceCodingTests {
    @Test("evidence round-trips through its JSON; counts an older Parity did not write read as 0")
    func coding() throws {
        let older = try JSONDecoder().decode(RoundingEvidence.self, from: Data(#"{"rows": 4, "ties": 1, "agreeing_rows": {"half_up": 4}}"#.utf8))
        #expect(older.rows == 4 && older.ties == 1 && older.agreeingRows == ["half_up": 4])
        #expect(older.binaryExactTies == 0 && older.tieRuleOrBinaryAgreements.isEmpty)
        let again = try JSONDecoder().decode(RoundingEvidence.self, from: JSONEncoder().encode(older))
        #expect(again == older)

        let total = try JSONDecoder().decode(TotalRoundingEvidence.self, from: Data(#"{"per_line": 3}"#.utf8))
        #expect(total.perLine == 3 && total.perTotal == 0 && total.both == 0 && total.neither == 0)
        #expect(try JSONDecoder().decode(TotalRoundingEvidence.self, from: JSONEncoder().encode(total)) == total)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(TotalRoundingEvidence.self, from: Data(#"{"per_line": "3"}"#.utf8)) }
    }
}
