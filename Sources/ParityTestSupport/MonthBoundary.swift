import Foundation

/// Paces tests whose data must fall in "the last complete month" against the real clock.
public enum MonthBoundary {
    /// Sleeps past the next change of `month` (the last complete month at an instant, as a cycle calendar names it) when
    /// it is less than `margin` seconds away, so a scenario sees one month throughout, on any day at any time of day;
    /// whether the month then holds for `margin` seconds.
    public static func waitOut(_ month: (Date) -> String, margin: TimeInterval = 120) -> Bool {
        let now = Date()
        let later = now.addingTimeInterval(margin)
        guard month(later) != month(now) else { return true }
        var boundary = later
        while month(boundary.addingTimeInterval(-1)) != month(now) {
            boundary.addTimeInterval(-1)
        }
        Thread.sleep(until: boundary.addingTimeInterval(1))
        return month(Date()) == month(later)
    }
}
