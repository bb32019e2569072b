import Foundation

/// The store keeps times as microseconds since 1970-01-01 UTC; these convert and print them.
public enum StoreTime {
    /// The instant `micros` microseconds after 1970-01-01 UTC.
    public static func date(_ micros: Int64) -> Date {
        Date(timeIntervalSince1970: Double(micros) / 1_000_000)
    }

    /// `date` as microseconds since 1970-01-01 UTC, rounded to the nearest.
    public static func micros(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
    }

    /// ISO 8601 in UTC with fractional seconds (`2026-11-21T10:00:05.250Z`), as reports print times.
    public static func iso(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }

    /// A store time (µs since 1970) in ISO 8601.
    public static func iso(micros: Int64) -> String { iso(date(micros)) }
}
