import Foundation

extension PostgresTimestamp {
    /// Creates a timestamp from a Foundation date (microsecond precision).
    public init(_ date: Date) {
        self.init(unixMicroseconds: Int64((date.timeIntervalSince1970 * 1_000_000).rounded()))
    }

    /// The Foundation date for this timestamp.
    public var date: Date {
        Date(timeIntervalSince1970: unixSeconds)
    }
}
