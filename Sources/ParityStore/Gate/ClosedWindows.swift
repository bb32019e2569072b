import ParityModel

/// The windows `[start, end)` of the closed cycles, for placing a retired record (a transaction write, a census sample)
/// under the cycle it belongs to. The baseline's window lies inside the first calendar cycle's, so windows may nest: a
/// time belongs to the innermost window holding it (the one starting last), and a window's records are those of the
/// cycles inside it.
package struct ClosedWindows: Sendable {
    /// The windows by start, each with the latest end of it and those before it.
    private let cycles: [(id: Int64, start: Int64, end: Int64, latestEnd: Int64)]
    /// Every start and end, in order.
    private let boundaries: [Int64]

    /// The windows of `cycles` (the closed ones).
    package init(_ cycles: [CycleRecord]) {
        var latestEnd = Int64.min
        self.cycles = cycles.sorted { ($0.start, $0.id) < ($1.start, $1.id) }.map { cycle in
            latestEnd = max(latestEnd, cycle.end)
            return (id: cycle.id, start: cycle.start, end: cycle.end, latestEnd: latestEnd)
        }
        boundaries = cycles.flatMap { [$0.start, $0.end] }.sorted()
    }

    /// The earliest time from which every time before `end` falls in the same windows: records of those times can be
    /// grouped as one (`Int64.min` when there is no window).
    package func sameWindows(before end: Int64) -> Int64 {
        boundaries.last { $0 < end } ?? Int64.min
    }

    /// The cycle of the innermost window holding `time`; nil for none.
    package func cycle(containing time: Int64) -> Int64? {
        var low = 0
        var high = cycles.count
        while low < high {
            let middle = (low + high) / 2
            if cycles[middle].start <= time { low = middle + 1 } else { high = middle }
        }
        // Back from the last window starting at or before `time`, while an earlier one may still end after it.
        var index = low - 1
        while index >= 0, cycles[index].latestEnd > time {
            if time < cycles[index].end { return cycles[index].id }
            index -= 1
        }
        return nil
    }
}
