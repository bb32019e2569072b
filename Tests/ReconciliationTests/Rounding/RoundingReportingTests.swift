import ExactNumeric
import Testing
@testable import Reconciliation

@Suite struct RoundingReportingTests {
    @Test func commonnessOrderNamesEveryModeOnce() {
        #expect(Set(RoundingMode.byCommonness) == Set(RoundingMode.allCases))
        #expect(RoundingMode.byCommonness.count == RoundingMode.allCases.count)
        #expect(RoundingMode.mostCommon(in: [.halfOdd, .down, .floor]) == .down)
        #expect(RoundingMode.mostCommon(in: []) == nil)
    }

    @Test func countsGroupThousandsWithCommas() {
        #expect([0, 7, 999, 1_000, 1_204, 1_234_567, -1_204].map(\.groupedText) == ["0", "7", "999", "1,000", "1,204", "1,234,567", "-1,204"])
    }
}
