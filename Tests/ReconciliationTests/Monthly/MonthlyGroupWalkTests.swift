import ParityModel
import Reconciliation
import Testing

@Suite("Monthly group walk")
struct MonthlyGroupWalkTests {
    @Test("difference, rounding part and unexplained residual are exact; tolerance compares the unexplained part, not the difference")
    func walk() throws {
        let group = try #require(MonthlyGroup.walking(
            group: [.init(name: "region", value: "EU")], legacy: "100.10", new: "99.95",
            bridge: [.init(kind: .finding(.missingInNew), amount: "-0.20"), .init(kind: .finding(.rounding), amount: "0.01")],
            daysWithDifferences: 3, tolerance: "0.15"))
        #expect(group.difference == "-0.15" && group.roundingExplained == "0.01" && group.unexplained == "0.04")
        #expect(group.withinTolerance && group.groupText == "region=EU" && group.bridgeAmount(.finding(.rounding)) == "0.01")
        let exceeded = MonthlyGroup.walking(group: [], legacy: "1", new: "1.16", bridge: [], daysWithDifferences: 1, tolerance: "0.15")
        #expect(exceeded?.withinTolerance == false && exceeded?.roundingExplained == "0" && exceeded?.groupText == "(all)")
        // A difference the bridge fully explains is within a zero tolerance.
        let explained = MonthlyGroup.walking(
            group: [], legacy: "10.00", new: "7.50", bridge: [.init(kind: .finding(.valueMismatch), amount: "-2.50")], daysWithDifferences: 1, tolerance: "0")
        #expect(explained?.withinTolerance == true && explained?.unexplained == "0.00")
        #expect(MonthlyGroup.walking(group: [], legacy: "2026-11-01", new: "1", bridge: [], daysWithDifferences: 0, tolerance: "0") == nil)
    }
}
