import Foundation

/// Parses `2026-03-08T10:00:00Z` in tests.
func utc(_ text: String) -> Date {
    ISO8601DateFormatter().date(from: text)!
}
