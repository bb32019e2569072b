import BigInt

/// The integer coefficient of an `ExactDecimal`: `Int128` while it fits, `BigInt` beyond.
///
/// Every operation on two `.small` values works in `Int128` and falls over to `BigInt` on
/// overflow; results are demoted back to `.small` whenever they fit, so the representation
/// of a given value is canonical unless a test forces `.big` through `init(forcingBig:)`.
enum Coefficient: Sendable {
    case small(Int128)
    case big(BigInt)

    static let zero = Coefficient.small(0)
    static let one = Coefficient.small(1)

    /// Largest `k` with `10^k` representable in `Int128`.
    static let maxSmallPowerOf10 = 38

    /// `10^0 ... 10^38` as `Int128`.
    static let smallPowersOf10: [Int128] = {
        var powers: [Int128] = [1]
        for _ in 0..<maxSmallPowerOf10 { powers.append(powers[powers.count - 1] * 10) }
        return powers
    }()

    /// The canonical coefficient for `value`: `.small` when it fits.
    init(_ value: BigInt) {
        if let small = Self.int128(exactly: value) {
            self = .small(small)
        } else {
            self = .big(value)
        }
    }

    /// `value` as `Int128` when it fits. (The standard library's generic `Int128(exactly:)`
    /// gives wrong results for some negative `BigInt`s, so this reads the magnitude's words.)
    static func int128(exactly value: BigInt) -> Int128? {
        let magnitude = value.magnitude
        guard magnitude.bitWidth <= 128 else { return nil }
        var words = magnitude.words.makeIterator()
        let low = UInt128(words.next() ?? 0)
        let high = UInt128(words.next() ?? 0)
        let bits = high << 64 | low
        if value.sign == .minus {
            guard bits <= UInt128(1) << 127 else { return nil }
            return Int128(truncatingIfNeeded: 0 &- bits)
        }
        guard bits <= UInt128(Int128.max) else { return nil }
        return Int128(bits)
    }

    /// A coefficient stored on the `BigInt` path even when it fits in `Int128` (tests only).
    init(forcingBig value: BigInt) {
        self = .big(value)
    }

    /// `10^exponent` for `exponent >= 0`.
    static func powerOf10(_ exponent: Int) -> Coefficient {
        precondition(exponent >= 0, "negative power of ten")
        if exponent <= maxSmallPowerOf10 { return .small(smallPowersOf10[exponent]) }
        return .big(BigInt(10).power(exponent))
    }

    var bigValue: BigInt {
        switch self {
        case .small(let value): return BigInt(sign: value < 0 ? .minus : .plus, magnitude: BigUInt(value.magnitude))
        case .big(let value): return value
        }
    }

    var isBig: Bool {
        if case .big = self { return true }
        return false
    }

    var signum: Int {
        switch self {
        case .small(let value): return value == 0 ? 0 : (value < 0 ? -1 : 1)
        case .big(let value): return value.isZero ? 0 : (value.sign == .minus ? -1 : 1)
        }
    }

    var isZero: Bool { signum == 0 }

    var isOdd: Bool {
        switch self {
        case .small(let value): return value & 1 != 0
        case .big(let value): return value.magnitude.words.first.map { $0 & 1 != 0 } ?? false
        }
    }

    /// Number of decimal digits of the magnitude; 1 for zero.
    var digitCount: Int {
        switch self {
        case .small(let value):
            let magnitude = value.magnitude
            var count = 1
            while count <= Self.maxSmallPowerOf10, magnitude >= UInt128(Self.smallPowersOf10[count]) {
                count += 1
            }
            return count
        case .big(let value):
            // log10(2) ≈ 0.30103: estimate from the bit width, then correct by comparison.
            let magnitude = value.magnitude
            if magnitude.isZero { return 1 }
            var estimate = max(1, (magnitude.bitWidth - 1) * 30103 / 100_000)
            var lowerBound = BigUInt(10).power(estimate - 1)
            while lowerBound > magnitude {
                estimate -= 1
                lowerBound /= 10
            }
            while lowerBound * 10 <= magnitude {
                estimate += 1
                lowerBound *= 10
            }
            return estimate
        }
    }

    var negated: Coefficient {
        switch self {
        case .small(let value):
            let (result, overflow) = Int128(0).subtractingReportingOverflow(value)
            return overflow ? Coefficient(-bigValue) : .small(result)
        case .big(let value):
            return Coefficient(-value)
        }
    }

    var magnitude: Coefficient { signum < 0 ? negated : self }

    static func + (lhs: Coefficient, rhs: Coefficient) -> Coefficient {
        if case .small(let a) = lhs, case .small(let b) = rhs {
            let (result, overflow) = a.addingReportingOverflow(b)
            if !overflow { return .small(result) }
        }
        return Coefficient(lhs.bigValue + rhs.bigValue)
    }

    static func - (lhs: Coefficient, rhs: Coefficient) -> Coefficient {
        if case .small(let a) = lhs, case .small(let b) = rhs {
            let (result, overflow) = a.subtractingReportingOverflow(b)
            if !overflow { return .small(result) }
        }
        return Coefficient(lhs.bigValue - rhs.bigValue)
    }

    static func * (lhs: Coefficient, rhs: Coefficient) -> Coefficient {
        if case .small(let a) = lhs, case .small(let b) = rhs {
            let (result, overflow) = a.multipliedReportingOverflow(by: b)
            if !overflow { return .small(result) }
        }
        return Coefficient(lhs.bigValue * rhs.bigValue)
    }

    /// `self × 10^exponent` for `exponent >= 0`.
    func timesPowerOf10(_ exponent: Int) -> Coefficient {
        exponent == 0 ? self : self * Self.powerOf10(exponent)
    }

    /// Quotient truncated toward zero and remainder with the sign of `self`; `divisor` is nonzero.
    func quotientAndRemainder(dividingBy divisor: Coefficient) -> (quotient: Coefficient, remainder: Coefficient) {
        if case .small(let a) = self, case .small(let b) = divisor {
            let (quotient, overflow) = a.dividedReportingOverflow(by: b)
            if !overflow { return (.small(quotient), .small(a - quotient * b)) }
        }
        let (quotient, remainder) = bigValue.quotientAndRemainder(dividingBy: divisor.bigValue)
        return (Coefficient(quotient), Coefficient(remainder))
    }

    /// Three-way comparison of the values.
    static func compare(_ lhs: Coefficient, _ rhs: Coefficient) -> Int {
        if case .small(let a) = lhs, case .small(let b) = rhs {
            return a == b ? 0 : (a < b ? -1 : 1)
        }
        let a = lhs.bigValue, b = rhs.bigValue
        return a == b ? 0 : (a < b ? -1 : 1)
    }

    /// The value with trailing decimal zeros removed, and how many were removed (0 for zero).
    var strippingTrailingZeros: (coefficient: Coefficient, removed: Int) {
        if isZero { return (.zero, 0) }
        var current = self
        var removed = 0
        // Large steps first so long runs of zeros cost few divisions.
        for step in [16, 4, 1] {
            let divisor = Self.powerOf10(step)
            while true {
                let (quotient, remainder) = current.quotientAndRemainder(dividingBy: divisor)
                guard remainder.isZero else { break }
                current = quotient
                removed += step
            }
        }
        return (current, removed)
    }

    /// Decimal digits of the magnitude, without sign.
    var magnitudeDescription: String {
        switch self {
        case .small(let value): return String(value.magnitude)
        case .big(let value): return String(value.magnitude)
        }
    }

    /// Hashes the value canonically, so `.small(x)` and `.big(x)` hash alike.
    func hash(into hasher: inout Hasher) {
        switch self {
        case .small(let value):
            hasher.combine(value)
        case .big(let value):
            if let small = Self.int128(exactly: value) {
                hasher.combine(small)
            } else {
                hasher.combine(value)
            }
        }
    }
}
