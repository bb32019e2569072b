extension Duration {
    private static let units: [(suffix: String, milliseconds: Int64)] = [
        ("ms", 1), ("s", 1_000), ("m", 60_000), ("h", 3_600_000), ("d", 86_400_000),
    ]

    /// Parses a config duration such as `90s`, `5m`, `1h30m`, `1d` or `500ms` (`0` alone is zero).
    public init?(parityText text: String) {
        let scalars = Array(text.unicodeScalars)
        guard !scalars.isEmpty else { return nil }
        if text == "0" {
            self = .zero
            return
        }
        var total: Int64 = 0
        var index = 0
        var lastUnitRank = Int.max
        while index < scalars.count {
            var number: Int64 = 0
            let numberStart = index
            while index < scalars.count, let digit = Self.digitValue(scalars[index]) {
                let (shifted, overflowA) = number.multipliedReportingOverflow(by: 10)
                let (added, overflowB) = shifted.addingReportingOverflow(digit)
                guard !overflowA, !overflowB else { return nil }
                number = added
                index += 1
            }
            guard index > numberStart else { return nil }
            let unitStart = index
            while index < scalars.count, Self.digitValue(scalars[index]) == nil {
                index += 1
            }
            let suffix = String(String.UnicodeScalarView(scalars[unitStart..<index]))
            guard let rank = Self.units.firstIndex(where: { $0.suffix == suffix }),
                  rank < lastUnitRank else { return nil }
            lastUnitRank = rank
            let (scaled, overflowC) = number.multipliedReportingOverflow(by: Self.units[rank].milliseconds)
            let (sum, overflowD) = total.addingReportingOverflow(scaled)
            guard !overflowC, !overflowD else { return nil }
            total = sum
        }
        self = .milliseconds(total)
    }

    /// Renders the duration in config notation, largest units first (`1h30m`, `500ms`, `0s`).
    public var parityText: String {
        let (seconds, attoseconds) = components
        var remaining = seconds * 1_000 + attoseconds / 1_000_000_000_000_000
        guard remaining > 0 else { return "0s" }
        var text = ""
        for unit in Self.units.reversed() where remaining >= unit.milliseconds {
            text += "\(remaining / unit.milliseconds)\(unit.suffix)"
            remaining %= unit.milliseconds
        }
        return text
    }

    private static func digitValue(_ scalar: Unicode.Scalar) -> Int64? {
        guard scalar >= "0", scalar <= "9" else { return nil }
        return Int64(scalar.value - 48)
    }
}
