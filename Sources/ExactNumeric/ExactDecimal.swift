import BigInt

/// An exact decimal number, `coefficient × 10^(−scale)`, or one of PostgreSQL's special values NaN, +Infinity, −Infinity.
///
/// Values keep their scale (`1.50` prints as `1.50`) but compare, hash and test equal by value
/// (`1.50 == 1.5`). The coefficient lives in an `Int128` while it fits and in a `BigInt` beyond;
/// overflow moves to `BigInt` transparently and results are the same on either path.
///
/// Special values follow PostgreSQL rather than IEEE 754: NaN equals NaN and sorts above every
/// other value (−Infinity < finite values < +Infinity < NaN).
public struct ExactDecimal: Sendable {
    enum Storage: Sendable {
        case finite(Coefficient, scale: Int)
        case nan
        case infinity(negative: Bool)
    }

    let storage: Storage

    init(storage: Storage) {
        self.storage = storage
    }

    init(_ coefficient: Coefficient, scale: Int) {
        self.storage = .finite(coefficient, scale: scale)
    }

    /// The value `coefficient × 10^(−scale)`; `scale` may be negative (`init(coefficient: 12, scale: -2)` is 1200).
    public init(coefficient: some BinaryInteger, scale: Int = 0) {
        // Only fixed-width integers go through the standard library's Int128(exactly:);
        // arbitrary-precision types are converted by their words.
        if coefficient is any FixedWidthInteger, let small = Int128(exactly: coefficient) {
            self.init(.small(small), scale: scale)
        } else {
            self.init(Coefficient(BigInt(coefficient)), scale: scale)
        }
    }

    /// Not a number; equal to itself and greater than every other value, as in PostgreSQL.
    public static let nan = ExactDecimal(storage: .nan)

    /// Positive infinity.
    public static let infinity = ExactDecimal(storage: .infinity(negative: false))

    /// Negative infinity.
    public static let negativeInfinity = ExactDecimal(storage: .infinity(negative: true))

    /// Whether the value is NaN.
    public var isNaN: Bool {
        if case .nan = storage { return true }
        return false
    }

    /// Whether the value is +Infinity or −Infinity.
    public var isInfinite: Bool {
        if case .infinity = storage { return true }
        return false
    }

    /// Whether the value is neither NaN nor infinite.
    public var isFinite: Bool {
        if case .finite = storage { return true }
        return false
    }

    /// Whether the value is a (finite) zero at any scale.
    public var isZero: Bool {
        if case .finite(let coefficient, _) = storage { return coefficient.isZero }
        return false
    }

    /// The sign of a number; zero has its own case so `-0.00` and `0` are alike.
    public enum Sign: Sendable, Hashable {
        /// Less than zero, including −Infinity.
        case minus
        /// Exactly zero.
        case zero
        /// Greater than zero, including +Infinity.
        case plus
    }

    /// The sign of the value, or `nil` for NaN.
    public var sign: Sign? {
        switch storage {
        case .nan: return nil
        case .infinity(let negative): return negative ? .minus : .plus
        case .finite(let coefficient, _):
            switch coefficient.signum {
            case 0: return .zero
            case ..<0: return .minus
            default: return .plus
            }
        }
    }

    /// Digits after the decimal point (negative for multiples of a power of ten); 0 for NaN and infinities.
    public var scale: Int {
        if case .finite(_, let scale) = storage { return scale }
        return 0
    }

    /// Number of digits in the coefficient (1 for zero); 0 for NaN and infinities.
    public var precision: Int {
        if case .finite(let coefficient, _) = storage { return coefficient.digitCount }
        return 0
    }

    /// The value with the opposite sign; NaN stays NaN and zero stays zero.
    public var negated: ExactDecimal {
        switch storage {
        case .nan: return self
        case .infinity(let negative): return ExactDecimal(storage: .infinity(negative: !negative))
        case .finite(let coefficient, let scale): return ExactDecimal(coefficient.negated, scale: scale)
        }
    }

    /// The absolute value, keeping the scale; NaN stays NaN.
    public var abs: ExactDecimal {
        sign == .minus ? negated : self
    }

    /// The same value with its coefficient on the `BigInt` path, to test that both paths agree.
    var forcingBigPath: ExactDecimal {
        guard case .finite(let coefficient, let scale) = storage else { return self }
        return ExactDecimal(Coefficient(forcingBig: coefficient.bigValue), scale: scale)
    }

    /// Whether the coefficient is held as a `BigInt`.
    var usesBigPath: Bool {
        if case .finite(let coefficient, _) = storage { return coefficient.isBig }
        return false
    }

    /// The finite value with every trailing zero stripped (scale possibly negative); zero is `(0, 0)`.
    var canonicalFinite: (coefficient: Coefficient, scale: Int)? {
        guard case .finite(let coefficient, let scale) = storage else { return nil }
        let (stripped, removed) = coefficient.strippingTrailingZeros
        return stripped.isZero ? (.zero, 0) : (stripped, scale - removed)
    }
}

extension ExactDecimal: ExpressibleByIntegerLiteral {
    /// An integer value with scale 0.
    public init(integerLiteral value: Int) {
        self.init(coefficient: value)
    }
}

extension ExactDecimal: Hashable, Comparable {
    /// Equality by value: `1.50 == 1.5`, `-0 == 0`, and NaN == NaN as in PostgreSQL.
    public static func == (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        compare(lhs, rhs) == 0
    }

    /// Ordering by value: −Infinity < finite < +Infinity < NaN, as in PostgreSQL.
    public static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        compare(lhs, rhs) < 0
    }

    /// Hashes by value, consistently with `==`.
    public func hash(into hasher: inout Hasher) {
        switch storage {
        case .nan:
            hasher.combine(0 as UInt8)
        case .infinity(let negative):
            hasher.combine(negative ? 1 as UInt8 : 2)
        case .finite:
            let (coefficient, scale) = canonicalFinite!
            hasher.combine(3 as UInt8)
            coefficient.hash(into: &hasher)
            hasher.combine(scale)
        }
    }

    /// Position in PostgreSQL's total order of kinds of value.
    private var rank: Int {
        switch storage {
        case .infinity(negative: true): return 0
        case .finite: return 1
        case .infinity(negative: false): return 2
        case .nan: return 3
        }
    }

    /// Three-way comparison by value in PostgreSQL's order: −1, 0 or 1.
    static func compare(_ lhs: ExactDecimal, _ rhs: ExactDecimal) -> Int {
        guard case .finite(let a, let scaleA) = lhs.storage, case .finite(let b, let scaleB) = rhs.storage else {
            let (rankA, rankB) = (lhs.rank, rhs.rank)
            return rankA == rankB ? 0 : (rankA < rankB ? -1 : 1)
        }
        if scaleA == scaleB { return Coefficient.compare(a, b) }
        let (signA, signB) = (a.signum, b.signum)
        if signA != signB { return signA < signB ? -1 : 1 }
        if signA == 0 { return 0 }
        // Same nonzero sign: the position of the leading digit decides unless it is equal,
        // in which case aligning the scales costs at most the digits already present.
        let leadingA = a.digitCount - scaleA
        let leadingB = b.digitCount - scaleB
        if leadingA != leadingB {
            let magnitudeOrder = leadingA < leadingB ? -1 : 1
            return signA > 0 ? magnitudeOrder : -magnitudeOrder
        }
        if scaleA < scaleB {
            return Coefficient.compare(a.timesPowerOf10(scaleB - scaleA), b)
        }
        return Coefficient.compare(a, b.timesPowerOf10(scaleA - scaleB))
    }
}

extension ExactDecimal: CustomStringConvertible {
    /// PostgreSQL's text output: every digit of the scale, never scientific notation, no `-` on zero.
    public var description: String {
        switch storage {
        case .nan:
            return "NaN"
        case .infinity(let negative):
            return negative ? "-Infinity" : "Infinity"
        case .finite(let coefficient, let scale):
            var digits = coefficient.magnitudeDescription
            if scale > 0 {
                if digits.count <= scale {
                    digits = String(repeating: "0", count: scale - digits.count + 1) + digits
                }
                digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -scale))
            } else if scale < 0, !coefficient.isZero {
                digits += String(repeating: "0", count: -scale)
            }
            return coefficient.signum < 0 ? "-" + digits : digits
        }
    }
}
