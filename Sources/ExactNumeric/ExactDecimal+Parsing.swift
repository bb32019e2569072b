import BigInt

/// PostgreSQL's limits for `numeric`, enforced when parsing.
extension ExactDecimal {
    /// Most digits before the decimal point PostgreSQL's numeric holds.
    public static let maxIntegerDigits = 131_072

    /// Largest scale (digits after the decimal point) PostgreSQL's numeric holds.
    public static let maxScale = 16_383
}

extension ExactDecimal: LosslessStringConvertible {
    /// Parses PostgreSQL numeric text, or returns nil; see `init(parsing:)`.
    public init?(_ description: String) {
        guard let value = try? ExactDecimal(parsing: description) else { return nil }
        self = value
    }

    /// Parses PostgreSQL numeric text exactly.
    ///
    /// Accepts what PostgreSQL 15's `numeric_in` accepts: optional surrounding whitespace, an
    /// optional `+`/`-`, digits with an optional `.` (`.5` and `5.` included), an optional exponent
    /// (`1e3`, `1.5E-7`), and case-insensitive `NaN`, `Infinity`/`inf` with optional sign (not `-NaN`).
    /// The scale is PostgreSQL's display scale: fraction digits minus the exponent, at least 0
    /// (`1.50` has scale 2, `1.5E-7` scale 8, `1e3` is `1000` with scale 0).
    public init(parsing text: some StringProtocol) throws(ExactDecimalError) {
        self = try Self.parse(Array(text.utf8))
    }

    private static func parse(_ bytes: [UInt8]) throws(ExactDecimalError) -> ExactDecimal {
        var start = 0
        var end = bytes.count
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        guard start < end else { throw ExactDecimalError(code: .invalidSyntax, offset: start) }

        if matches(bytes[start..<end], "nan") { return .nan }

        var index = start
        var negative = false
        if bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        if matches(bytes[index..<end], "infinity") || matches(bytes[index..<end], "inf") {
            return ExactDecimal(storage: .infinity(negative: negative))
        }

        var digits: [UInt8] = []
        var fractionDigits = 0
        var sawPoint = false
        while index < end {
            let byte = bytes[index]
            if isDigit(byte) {
                digits.append(byte)
                if sawPoint { fractionDigits += 1 }
            } else if byte == UInt8(ascii: "."), !sawPoint {
                sawPoint = true
            } else {
                break
            }
            index += 1
        }
        guard !digits.isEmpty else { throw ExactDecimalError(code: .invalidSyntax, offset: index) }

        var exponent = 0
        if index < end, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            var exponentNegative = false
            if index < end, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                exponentNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            let exponentStart = index
            // Saturate far beyond any representable exponent so absurd inputs cannot overflow.
            let saturation = 10 * (maxIntegerDigits + maxScale)
            while index < end, isDigit(bytes[index]) {
                exponent = min(exponent * 10 + Int(bytes[index] - UInt8(ascii: "0")), saturation)
                index += 1
            }
            guard index > exponentStart else { throw ExactDecimalError(code: .invalidSyntax, offset: index) }
            if exponentNegative { exponent = -exponent }
        }
        guard index == end else { throw ExactDecimalError(code: .invalidSyntax, offset: index) }

        let significant = digits.drop { $0 == UInt8(ascii: "0") }
        let scale = fractionDigits - exponent
        let displayScale = max(0, scale)
        guard displayScale <= maxScale, significant.count - scale <= maxIntegerDigits else {
            throw ExactDecimalError(code: .outOfRange)
        }

        var coefficient: Coefficient
        if significant.count <= Coefficient.maxSmallPowerOf10 {
            var value: Int128 = 0
            for digit in significant { value = value * 10 + Int128(digit - UInt8(ascii: "0")) }
            coefficient = .small(value)
        } else {
            // Only ASCII digits reach here, so BigInt's parser cannot fail.
            coefficient = Coefficient(BigInt(String(decoding: significant, as: UTF8.self)) ?? 0)
        }
        coefficient = coefficient.timesPowerOf10(displayScale - scale)
        return ExactDecimal(negative ? coefficient.negated : coefficient, scale: displayScale)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        // PostgreSQL uses isspace(): space, \t, \n, \v, \f, \r.
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// Whether `bytes` spell `lowercaseWord` ignoring ASCII case.
    private static func matches(_ bytes: ArraySlice<UInt8>, _ lowercaseWord: StaticString) -> Bool {
        guard bytes.count == lowercaseWord.utf8CodeUnitCount else { return false }
        let word = UnsafeBufferPointer(start: lowercaseWord.utf8Start, count: lowercaseWord.utf8CodeUnitCount)
        return zip(bytes, word).allSatisfy { byte, expected in byte | 0x20 == expected }
    }
}
