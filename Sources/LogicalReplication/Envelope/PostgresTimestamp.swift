/// A PostgreSQL timestamp on the wire: microseconds since 2000-01-01 00:00:00 UTC.
public struct PostgresTimestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Microseconds between the Unix epoch and the PostgreSQL epoch (2000-01-01 UTC).
    public static let postgresEpochInUnixMicroseconds: Int64 = 946_684_800_000_000

    /// Microseconds since 2000-01-01 00:00:00 UTC, as sent by the server.
    public var microsecondsSince2000: Int64

    /// Creates a timestamp from the wire value.
    public init(microsecondsSince2000: Int64) {
        self.microsecondsSince2000 = microsecondsSince2000
    }

    /// Creates a timestamp from microseconds since 1970-01-01 UTC (saturating at the Int64 range).
    public init(unixMicroseconds: Int64) {
        let (value, overflow) = unixMicroseconds.subtractingReportingOverflow(Self.postgresEpochInUnixMicroseconds)
        self.microsecondsSince2000 = overflow ? Int64.min : value
    }

    /// Microseconds since 1970-01-01 UTC (saturating at the Int64 range).
    public var unixMicroseconds: Int64 {
        let (value, overflow) = microsecondsSince2000.addingReportingOverflow(Self.postgresEpochInUnixMicroseconds)
        return overflow ? Int64.max : value
    }

    /// Seconds since 1970-01-01 UTC.
    public var unixSeconds: Double {
        Double(microsecondsSince2000) / 1_000_000 + Double(Self.postgresEpochInUnixMicroseconds / 1_000_000)
    }

    public static func < (lhs: PostgresTimestamp, rhs: PostgresTimestamp) -> Bool {
        lhs.microsecondsSince2000 < rhs.microsecondsSince2000
    }

    /// The raw value with its unit, e.g. `757382400000000µs since 2000`.
    public var description: String { "\(microsecondsSince2000)µs since 2000" }
}
