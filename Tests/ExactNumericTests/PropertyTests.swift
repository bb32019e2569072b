import ParityTestSupport
import Testing
@testable import ExactNumeric

/// Rounds by manipulating the printed digits, independently of `Coefficient` arithmetic.
func referenceRounded(_ value: ExactDecimal, scale target: Int, mode: RoundingMode) -> String {
    var text = value.description
    let negative = text.hasPrefix("-")
    if negative { text.removeFirst() }
    let valueScale = text.firstIndex(of: ".").map { text.distance(from: $0, to: text.endIndex) - 1 } ?? 0
    var digits = Array(text.filter { $0 != "." })
    var kept: [Character]
    if target >= valueScale {
        kept = digits + Array(repeating: "0", count: target - valueScale)
    } else {
        let dropped = valueScale - target
        if digits.count < dropped + 1 { digits = Array(repeating: "0", count: dropped + 1 - digits.count) + digits }
        kept = Array(digits.dropLast(dropped))
        let discarded = digits.suffix(dropped)
        let nonzero = discarded.contains { $0 != "0" }
        let first = discarded.first!
        let half = first == "5" && !discarded.dropFirst().contains { $0 != "0" }
        let aboveHalf = first > "5" || (first == "5" && !half)
        let lastOdd = Int(String(kept.last!))! % 2 == 1
        let awayFromZero: Bool
        switch mode.rawValue {
        case "up": awayFromZero = nonzero
        case "down": awayFromZero = false
        case "ceiling": awayFromZero = nonzero && !negative
        case "floor": awayFromZero = nonzero && negative
        default:
            if !half {
                awayFromZero = aboveHalf
            } else {
                switch mode.rawValue {
                case "half_up": awayFromZero = true
                case "half_down": awayFromZero = false
                case "half_even": awayFromZero = lastOdd
                case "half_odd": awayFromZero = !lastOdd
                case "half_ceiling": awayFromZero = !negative
                default: awayFromZero = negative // half_floor
                }
            }
        }
        if awayFromZero {
            var index = kept.count - 1
            while index >= 0, kept[index] == "9" {
                kept[index] = "0"
                index -= 1
            }
            if index >= 0 { kept[index] = Character(String(Int(String(kept[index]))! + 1)) } else { kept.insert("1", at: 0) }
        }
    }
    while kept.count > 1, kept.first == "0" { kept.removeFirst() }
    let isZero = kept == ["0"]
    var result: String
    if target > 0 {
        if kept.count < target + 1 { kept = Array(repeating: "0", count: target + 1 - kept.count) + kept }
        result = String(kept.dropLast(target)) + "." + String(kept.suffix(target))
    } else {
        result = String(kept) + (isZero ? "" : String(repeating: "0", count: -target))
    }
    return negative && !isZero ? "-" + result : result
}

@Suite("Properties on seeded random decimals")
struct PropertyTests {
    @Test func parsePrintRoundTrip() throws {
        var rng = SplitMix64(seed: 1)
        for _ in 0..<400 {
            let value = rng.decimal()
            let reparsed = try ExactDecimal(parsing: value.description)
            #expect(reparsed == value)
            #expect(reparsed.description == value.description)
            guard case .finite(let coefficient, let scale) = value.storage else { continue }
            let sign = coefficient.signum < 0 ? "-" : ""
            let scientific = try ExactDecimal(parsing: "\(sign)\(coefficient.magnitudeDescription)e\(-scale)")
            #expect(scientific == value)
            #expect(scientific.hashValue == value.hashValue)
        }
    }

    @Test func arithmeticIdentities() {
        var rng = SplitMix64(seed: 2)
        for _ in 0..<250 {
            let a = rng.decimal(), b = rng.decimal(), c = rng.decimal()
            #expect(a + b - b == a)
            #expect((a * 1).description == a.description)
            #expect(a + b == b + a)
            #expect(a * b == b * a)
            #expect((a + b) + c == a + (b + c))
            #expect((a * b) * c == a * (b * c))
            #expect(a * (b + c) == a * b + a * c)
            #expect((a - a).isZero)
            #expect(a + a.negated == .zero)
            let difference = a - b
            #expect((a < b) == (difference.sign == .minus))
            #expect((a == b) == (difference.sign == .zero))
            #expect((a > b) == (difference.sign == .plus))
        }
    }

    @Test func equalValuesAtOtherScalesHashAlike() {
        var rng = SplitMix64(seed: 3)
        for _ in 0..<300 {
            let a = rng.decimal()
            let padded = a.rounded(scale: a.scale + Int.random(in: 1...45, using: &rng), mode: .down)
            #expect(padded == a)
            #expect(padded.hashValue == a.hashValue)
            #expect(a.forcingBigPath.hashValue == a.hashValue)
            #expect(a.normalized == a)
            #expect(a.normalized.hashValue == a.hashValue)
        }
    }

    @Test func int128AndBigIntPathsAgree() throws {
        var rng = SplitMix64(seed: 4)
        for _ in 0..<250 {
            let a = rng.decimal(), b = rng.decimal()
            let bigA = a.forcingBigPath, bigB = b.forcingBigPath
            #expect(bigA.usesBigPath)
            #expect(bigA.description == a.description)
            #expect((bigA + bigB).description == (a + b).description)
            #expect((bigA - b).description == (a - b).description)
            #expect((bigA * bigB).description == (a * b).description)
            #expect((a * bigB).description == (a * b).description)
            #expect(ExactDecimal.compare(bigA, bigB) == ExactDecimal.compare(a, b))
            #expect(bigA.precision == a.precision)
            #expect(bigA.normalized.description == a.normalized.description)
            let scale = a.scale - Int.random(in: -2...40, using: &rng)
            #expect(bigA.isTie(at: scale) == a.isTie(at: scale))
            for mode in RoundingMode.allCases {
                #expect(bigA.rounded(scale: scale, mode: mode).description == a.rounded(scale: scale, mode: mode).description)
                if !b.isZero {
                    let quotientScale = Int.random(in: -3...20, using: &rng)
                    #expect(try bigA.divided(by: bigB, scale: quotientScale, rounding: mode).description
                        == a.divided(by: b, scale: quotientScale, rounding: mode).description)
                }
            }
        }
    }

    @Test func divisionThenMultiplicationIsWithinTheRoundingError() throws {
        var rng = SplitMix64(seed: 5)
        for _ in 0..<150 {
            let a = rng.decimal(scales: 0...12)
            let b = rng.decimal(digits: Int.random(in: 1...45, using: &rng), scales: -2...12)
            guard !b.isZero else { continue }
            let scale = Int.random(in: -2...20, using: &rng)
            let unit = ExactDecimal(coefficient: 1, scale: scale)
            for mode in RoundingMode.allCases {
                let quotient = try a.divided(by: b, scale: scale, rounding: mode)
                #expect(quotient.scale == scale)
                let error = quotient * b - a // = (quotient − a/b) · b
                let bound = b.abs * unit
                if mode.rawValue.hasPrefix("half_") {
                    #expect(error.abs + error.abs <= bound, "\(mode)")
                } else {
                    #expect(error.abs < bound, "\(mode)")
                }
                // error / b = quotient − a/b, so its sign says which way the quotient moved.
                let movedUp = (error.sign == .plus) == (b.sign == .plus) && !error.isZero
                let movedDown = !movedUp && !error.isZero
                let exactNegative = (a.sign == .minus) != (b.sign == .minus)
                switch mode {
                case .ceiling: #expect(!movedDown)
                case .floor: #expect(!movedUp)
                case .down: #expect(exactNegative ? !movedDown : !movedUp)
                case .up: #expect(exactNegative ? !movedUp : !movedDown)
                default: break
                }
            }
        }
    }

    @Test func roundedAgreesWithTheDigitStringReference() {
        var rng = SplitMix64(seed: 6)
        for _ in 0..<400 {
            let value: ExactDecimal
            let target: Int
            if Int.random(in: 0..<3, using: &rng) == 0 {
                // A tie: kept digits, then 5, then zeros.
                let kept = rng.digits(rng.digitCount())
                let zeros = Int.random(in: 0...5, using: &rng)
                target = Int.random(in: -3...10, using: &rng)
                let sign = Bool.random(using: &rng) ? "-" : ""
                value = dec(sign + kept + "5" + String(repeating: "0", count: zeros) + "e\(-(target + 1 + zeros))")
                    .rounded(scale: target + 1 + zeros, mode: .down)
                #expect(value.isTie(at: target))
            } else {
                value = rng.decimal()
                target = value.scale - Int.random(in: -3...45, using: &rng)
            }
            for mode in RoundingMode.allCases {
                #expect(value.rounded(scale: target, mode: mode).description == referenceRounded(value, scale: target, mode: mode),
                        "\(value) @ \(target) \(mode)")
            }
            let up = referenceRounded(value, scale: target, mode: .halfUp)
            let down = referenceRounded(value, scale: target, mode: .halfDown)
            #expect(value.isTie(at: target) == (up != down))
        }
    }
}
