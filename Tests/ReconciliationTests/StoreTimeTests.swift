import Foundation
import ParityModel
import Reconciliation
import Testing

@Suite("Store times")
struct StoreTimeTests {
    @Test("microseconds round-trip through Date and print as ISO 8601 UTC")
    func roundTripAndISO() {
        let micros: Int64 = 1_795_860_005_250_000
        #expect(StoreTime.micros(StoreTime.date(micros)) == micros)
        #expect(StoreTime.iso(micros: micros) == "2026-11-28T10:00:05.250Z")
        #expect(StoreTime.iso(StoreTime.date(0)) == "1970-01-01T00:00:00.000Z")
    }
}
