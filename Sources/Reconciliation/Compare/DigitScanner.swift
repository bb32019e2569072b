/// The fields of PostgreSQL ISO date/time text.
struct TimestampFields {
    var year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, microsecond = 0
    /// Seconds east of UTC when the text carries an offset.
    var offset: Int?
}

/// Reads PostgreSQL ISO date/time text byte by byte.
struct DigitScanner {
    private let bytes: [UInt8]
    private var index = 0

    init(_ text: String.UTF8View) {
        bytes = Array(text)
    }

    var isAtEnd: Bool { index == bytes.count }

    /// `YYYY-MM-DD[( |T)HH:MM[:SS[.ffffff]]][Z|±HH[:MM[:SS]]][ BC]`, or nil when malformed.
    mutating func timestampFields() -> TimestampFields? {
        var fields = TimestampFields()
        guard let year = number(minDigits: 4, maxDigits: 9), take("-"), let month = number(exactly: 2), take("-"),
              let day = number(exactly: 2) else { return nil }
        (fields.year, fields.month, fields.day) = (year, month, day)
        if take(" ") || take("T") {
            guard let hour = number(exactly: 2), take(":"), let minute = number(exactly: 2) else { return nil }
            (fields.hour, fields.minute) = (hour, minute)
            if take(":") {
                guard let second = number(exactly: 2) else { return nil }
                fields.second = second
                if take(".") {
                    let start = index
                    guard let fraction = number(minDigits: 1, maxDigits: 6) else { return nil }
                    fields.microsecond = fraction * Self.powerOf10(6 - (index - start))
                }
            }
            guard let offset = offset() else { return nil }
            fields.offset = offset
        }
        if take(" BC") { fields.year = 1 - fields.year }
        return fields
    }

    /// `Z`, `±HH[:MM[:SS]]` in seconds east of UTC; `.some(nil)` when absent, nil when malformed.
    private mutating func offset() -> Int?? {
        if take("Z") { return .some(0) }
        let sign: Int
        if take("+") { sign = 1 } else if take("-") { sign = -1 } else { return .some(nil) }
        guard let hours = number(exactly: 2) else { return nil }
        var seconds = hours * 3600
        if take(":") {
            guard let minutes = number(exactly: 2) else { return nil }
            seconds += minutes * 60
            if take(":") {
                guard let extra = number(exactly: 2) else { return nil }
                seconds += extra
            }
        }
        return .some(sign * seconds)
    }

    private mutating func take(_ literal: String) -> Bool {
        let expected = literal.utf8
        guard bytes.count - index >= expected.count, bytes[index..<index + expected.count].elementsEqual(expected) else { return false }
        index += expected.count
        return true
    }

    private mutating func number(exactly digits: Int) -> Int? {
        number(minDigits: digits, maxDigits: digits)
    }

    private mutating func number(minDigits: Int, maxDigits: Int) -> Int? {
        var value = 0
        var count = 0
        while count < maxDigits, index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
            value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
            index += 1
            count += 1
        }
        return count >= minDigits ? value : nil
    }

    private static func powerOf10(_ exponent: Int) -> Int {
        (0..<exponent).reduce(1) { value, _ in value * 10 }
    }
}
