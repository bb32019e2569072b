/// A point in time parsed from PostgreSQL `date`, `timestamp` or `timestamptz` text, in microseconds since 1970 UTC.
enum ParsedTimestamp: Sendable, Hashable {
    case negativeInfinity
    case finite(Int64)
    case positiveInfinity

    /// Parses ISO-style text (`2026-11-20`, `2026-11-20 17:00:00.5`, `…+05:30`, `… BC`, `infinity`).
    ///
    /// Text without an offset is local time in `zone` (UTC when nil), resolved as PostgreSQL does.
    init?(parsing text: String, zone: ZoneClock?) {
        switch text.lowercased() {
        case "infinity", "+infinity": self = .positiveInfinity; return
        case "-infinity": self = .negativeInfinity; return
        default: break
        }
        var scanner = DigitScanner(text.utf8)
        guard let fields = scanner.timestampFields(), scanner.isAtEnd,
              let date = CivilDate(year: fields.year, month: fields.month, day: fields.day),
              fields.hour < 24, fields.minute < 60, fields.second < 60 else { return nil }
        let local = Int64(date.daysSinceEpoch) * 86_400 + Int64(fields.hour * 3600 + fields.minute * 60 + fields.second)
        let utc: Int64
        if let offset = fields.offset {
            utc = local - Int64(offset)
        } else if let zone {
            utc = zone.postgresInstant(forLocal: local)
        } else {
            utc = local
        }
        self = .finite(utc * 1_000_000 + Int64(fields.microsecond))
    }

    /// Microseconds from `self` to `other`, nil when either is infinite.
    func microseconds(to other: ParsedTimestamp) -> Int64? {
        guard case .finite(let a) = self, case .finite(let b) = other else { return nil }
        return b - a
    }
}
