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

    /// `date` as people read it where the business runs: `2026-12-01 09:00 Europe/Berlin` (UTC when `zone` is unknown).
    public static func local(_ date: Date, zone: String) -> String {
        let known = TimeZone(identifier: zone)
        let timeZone = known ?? TimeZone(identifier: "UTC")!
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d ", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!)
            + (known == nil ? "UTC" : zone)
    }

    /// A store time (µs since 1970) in ISO 8601.
    public static func iso(micros: Int64) -> String { iso(date(micros)) }
}
