import Testing
@testable import ExactNumeric

@Suite("Rounding modes as evidence")
struct RoundingModeTests {
    private let halfModes: Set<RoundingMode> = [.halfUp, .halfDown, .halfEven, .halfOdd, .halfCeiling, .halfFloor]

    @Test func rawValuesAreTheConfigNames() {
        #expect(RoundingMode.allCases.map(\.rawValue) == [
            "up", "down", "ceiling", "floor", "half_up", "half_down", "half_even", "half_odd", "half_ceiling", "half_floor",
        ])
        #expect(RoundingMode(rawValue: "half_even") == .halfEven)
        #expect(RoundingMode(rawValue: "HALF_EVEN") == nil)
    }

    @Test func aTieSplitsTheModesInTwo() {
        #expect(RoundingMode.modes(explaining: 2, from: dec("2.5"), scale: 0)
            == [.down, .floor, .halfDown, .halfEven, .halfFloor])
        #expect(RoundingMode.modes(explaining: 3, from: dec("2.5"), scale: 0)
            == [.up, .ceiling, .halfUp, .halfOdd, .halfCeiling])
        #expect(RoundingMode.modes(explaining: dec("-1.01"), from: dec("-1.005"), scale: 2)
            == [.up, .floor, .halfUp, .halfOdd, .halfFloor])
    }

    @Test func aNonTieOnlySeparatesNearestFromDirected() {
        #expect(RoundingMode.modes(explaining: 3, from: dec("2.6"), scale: 0) == halfModes.union([.up, .ceiling]))
        #expect(RoundingMode.modes(explaining: 2, from: dec("2.6"), scale: 0) == [.down, .floor])
        #expect(RoundingMode.modes(explaining: dec("1.00"), from: dec("1.004"), scale: 2) == halfModes.union([.down, .floor]))
        #expect(RoundingMode.modes(explaining: dec("1.0"), from: dec("1.004"), scale: 2) == halfModes.union([.down, .floor]))
        #expect(RoundingMode.modes(explaining: dec("1.02"), from: dec("1.004"), scale: 2).isEmpty)
        #expect(RoundingMode.modes(explaining: dec("1.23"), from: dec("1.23"), scale: 2) == Set(RoundingMode.allCases))
    }

    @Test("two positive ties and one negative tie identify every half mode", arguments: [
        RoundingMode.halfUp, .halfDown, .halfEven, .halfOdd, .halfCeiling, .halfFloor,
    ])
    func threeTiesIdentifyTheMode(_ mode: RoundingMode) {
        var candidates = halfModes
        for tie in [dec("0.125"), dec("0.135"), dec("-0.125")] {
            let stored = tie.rounded(scale: 2, mode: mode)
            candidates.formIntersection(RoundingMode.modes(explaining: stored, from: tie, scale: 2))
        }
        #expect(candidates == [mode])
    }

    @Test("the runtimes' documented behaviour", arguments: [
        // PostgreSQL round(numeric, 2): ties away from zero.
        (RoundingMode.halfUp, "-2.345", 2, "-2.35"),
        // Python decimal, .NET, PostgreSQL round(float8): banker's rounding.
        (.halfEven, "2.345", 2, "2.34"),
        // Java / JavaScript Math.round: ties toward +∞.
        (.halfCeiling, "-2.5", 0, "-2"),
        // COBOL without ROUNDED, PostgreSQL money / int: truncation.
        (.down, "-3.339", 2, "-3.33"),
    ])
    func runtimes(mode: RoundingMode, value: String, scale: Int, expected: String) {
        #expect(dec(value).rounded(scale: scale, mode: mode).description == expected)
    }

    @Test("isTie is true exactly when half a unit is discarded", arguments: [
        ("2.5", 0, true), ("2.50", 0, true), ("-2.5", 0, true), ("2.51", 0, false), ("2.49", 0, false),
        ("2.5", 1, false), ("2.5", 3, false), ("1250", -2, true), ("1250", -1, false), ("0.005", 2, true),
        ("-0.0050", 2, true), ("0.005", 1, false), ("5", -1, true), ("5", -2, false), ("50", -2, true),
        ("0", -1, false), ("0.00", 1, false), ("123456789012345678901234567890123456789012345.5", 0, true),
        ("123456789012345678901234567890123456789012345.5000000000000000000000000000000000000001", 0, false),
        ("Infinity", 0, false),
    ])
    func isTie(value: String, scale: Int, expected: Bool) {
        #expect(dec(value).isTie(at: scale) == expected)
        #expect(dec(value).forcingBigPath.isTie(at: scale) == expected)
    }
}
