import Testing
@testable import ExactNumeric

/// One hand-checked value rounded to one scale, with the expected text for every mode.
struct RoundingRow: CustomTestStringConvertible, Sendable {
    let value: String
    let scale: Int
    /// Expected results in the order up, down, ceiling, floor, half_up, half_down,
    /// half_even, half_odd, half_ceiling, half_floor.
    let expected: [String]

    var testDescription: String { "\(value) @ \(scale)" }

    init(_ value: String, _ scale: Int, _ expected: [String]) {
        self.value = value
        self.scale = scale
        self.expected = expected
    }
}

private let modeOrder: [RoundingMode] = [
    .up, .down, .ceiling, .floor, .halfUp, .halfDown, .halfEven, .halfOdd, .halfCeiling, .halfFloor,
]

/// Rows whose four directed results differ but whose six "half" results all agree (non-ties).
private func nonTie(_ value: String, _ scale: Int, up: String, down: String, nearest: String) -> RoundingRow {
    let negative = value.hasPrefix("-")
    let ceiling = negative ? down : up
    let floor = negative ? up : down
    return RoundingRow(value, scale, [up, down, ceiling, floor] + Array(repeating: nearest, count: 6))
}

// Big values: 45 and 41 digits, beyond Int128 (39 digits at most).
private let big45 = "123456789012345678901234567890123456789012345"
private let nines41 = String(repeating: "9", count: 41)
private let tenTo41 = "1" + String(repeating: "0", count: 41)
private let frac48 = "0." + String(repeating: "1234567890", count: 4) + "12345678"
private let big44 = String(repeating: "1234567890", count: 4) + "1234"

let roundingRows: [RoundingRow] = [
    //                         up      down    ceiling floor   h_up    h_down  h_even  h_odd   h_ceil  h_floor
    // Ties at scale 0: even kept digit, odd kept digit, negative of each.
    RoundingRow("2.5", 0, ["3", "2", "3", "2", "3", "2", "2", "3", "3", "2"]),
    RoundingRow("3.5", 0, ["4", "3", "4", "3", "4", "3", "4", "3", "4", "3"]),
    RoundingRow("-2.5", 0, ["-3", "-2", "-2", "-3", "-3", "-2", "-2", "-3", "-2", "-3"]),
    RoundingRow("-3.5", 0, ["-4", "-3", "-3", "-4", "-4", "-3", "-4", "-3", "-3", "-4"]),
    RoundingRow("0.5", 0, ["1", "0", "1", "0", "1", "0", "0", "1", "1", "0"]),
    RoundingRow("-0.5", 0, ["-1", "0", "0", "-1", "-1", "0", "0", "-1", "0", "-1"]),
    // Non-ties at scale 0.
    nonTie("2.4", 0, up: "3", down: "2", nearest: "2"),
    nonTie("2.6", 0, up: "3", down: "2", nearest: "3"),
    nonTie("-2.4", 0, up: "-3", down: "-2", nearest: "-2"),
    nonTie("-2.6", 0, up: "-3", down: "-2", nearest: "-3"),
    // Ties at scale 2 (cents).
    RoundingRow("1.005", 2, ["1.01", "1.00", "1.01", "1.00", "1.01", "1.00", "1.00", "1.01", "1.01", "1.00"]),
    RoundingRow("1.015", 2, ["1.02", "1.01", "1.02", "1.01", "1.02", "1.01", "1.02", "1.01", "1.02", "1.01"]),
    RoundingRow("-0.125", 2, ["-0.13", "-0.12", "-0.12", "-0.13", "-0.13", "-0.12", "-0.12", "-0.13", "-0.12", "-0.13"]),
    RoundingRow("-0.135", 2, ["-0.14", "-0.13", "-0.13", "-0.14", "-0.14", "-0.13", "-0.14", "-0.13", "-0.13", "-0.14"]),
    RoundingRow("0.0050", 2, ["0.01", "0.00", "0.01", "0.00", "0.01", "0.00", "0.00", "0.01", "0.01", "0.00"]),
    RoundingRow("-0.005", 2, ["-0.01", "0.00", "0.00", "-0.01", "-0.01", "0.00", "0.00", "-0.01", "0.00", "-0.01"]),
    // Non-ties at scale 2, including just above and just below a tie.
    nonTie("1.00001", 2, up: "1.01", down: "1.00", nearest: "1.00"),
    nonTie("-1.00001", 2, up: "-1.01", down: "-1.00", nearest: "-1.00"),
    nonTie("1.00500001", 2, up: "1.01", down: "1.00", nearest: "1.01"),
    nonTie("1.00499999", 2, up: "1.01", down: "1.00", nearest: "1.00"),
    nonTie("-19.999", 2, up: "-20.00", down: "-19.99", nearest: "-20.00"),
    // Nothing to discard, or padding to a larger scale.
    RoundingRow("1.23", 2, Array(repeating: "1.23", count: 10)),
    RoundingRow("1.2", 2, Array(repeating: "1.20", count: 10)),
    RoundingRow("-7", 1, Array(repeating: "-7.0", count: 10)),
    // Negative scales: tens and hundreds.
    RoundingRow("25", -1, ["30", "20", "30", "20", "30", "20", "20", "30", "30", "20"]),
    RoundingRow("-35", -1, ["-40", "-30", "-30", "-40", "-40", "-30", "-40", "-30", "-30", "-40"]),
    RoundingRow("1250", -2, ["1300", "1200", "1300", "1200", "1300", "1200", "1200", "1300", "1300", "1200"]),
    RoundingRow("-1350", -2, ["-1400", "-1300", "-1300", "-1400", "-1400", "-1300", "-1400", "-1300", "-1300", "-1400"]),
    RoundingRow("50", -2, ["100", "0", "100", "0", "100", "0", "0", "100", "100", "0"]),
    nonTie("-1351", -2, up: "-1400", down: "-1300", nearest: "-1400"),
    nonTie("149.99", -2, up: "200", down: "100", nearest: "100"),
    nonTie("-7", -3, up: "-1000", down: "0", nearest: "0"),
    nonTie("0.4", -1, up: "10", down: "0", nearest: "0"),
    RoundingRow("0.000", -2, Array(repeating: "0", count: 10)),
    // More digits than Int128 holds.
    RoundingRow(big45 + ".5", 0, [
        "123456789012345678901234567890123456789012346", big45,
        "123456789012345678901234567890123456789012346", big45,
        "123456789012345678901234567890123456789012346", big45,
        "123456789012345678901234567890123456789012346", big45,
        "123456789012345678901234567890123456789012346", big45,
    ]),
    RoundingRow("-" + nines41 + ".5", 0, [
        "-" + tenTo41, "-" + nines41, "-" + nines41, "-" + tenTo41, "-" + tenTo41,
        "-" + nines41, "-" + tenTo41, "-" + nines41, "-" + nines41, "-" + tenTo41,
    ]),
    RoundingRow(frac48 + "50", 48, [
        frac48.dropLast() + "9", frac48, frac48.dropLast() + "9", frac48, frac48.dropLast() + "9",
        frac48, frac48, frac48.dropLast() + "9", frac48.dropLast() + "9", frac48,
    ]),
    nonTie(big44 + "9", -1, up: big44.dropLast() + "50", down: big44 + "0", nearest: big44.dropLast() + "50"),
    nonTie("-" + big44 + "1", -1, up: "-" + big44.dropLast() + "50", down: "-" + big44 + "0", nearest: "-" + big44 + "0"),
]

@Suite("Hand-checked rounding table")
struct RoundingTableTests {
    @Test("every mode rounds the row's value to the expected text", arguments: roundingRows)
    func row(_ row: RoundingRow) {
        let value = dec(row.value)
        for (mode, expected) in zip(modeOrder, row.expected) {
            let rounded = value.rounded(scale: row.scale, mode: mode)
            #expect(rounded.description == expected, "\(mode.rawValue)")
            #expect(rounded.scale == row.scale, "\(mode.rawValue)")
            let viaBigPath = value.forcingBigPath.rounded(scale: row.scale, mode: mode)
            #expect(viaBigPath.description == expected, "\(mode.rawValue) on the BigInt path")
        }
    }

    @Test func tableCoversEnoughCases() {
        #expect(roundingRows.count * RoundingMode.allCases.count >= 60)
        #expect(modeOrder.count == RoundingMode.allCases.count)
        #expect(Set(modeOrder) == Set(RoundingMode.allCases))
    }
}
