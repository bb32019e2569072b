/// A table mapping's comparison in numbers, for one cycle or summed over cycles: keys compared, keys equal, rows on
/// both sides, and per column how many of those rows differed in it (datacompy's row and column summaries).
public struct MappingStatistics: Sendable, Equatable, Codable {
    /// The table mapping's name.
    public var mapping: String
    /// Cycles summed (1 for one cycle's statistics).
    public var cycles: Int
    /// Keys compared (a key compared in several cycles counts in each).
    public var compared: Int
    /// Keys compared with no finding.
    public var matched: Int
    /// Keys with a row on both sides whose columns were compared and reported (equal or with findings): the share's
    /// denominator. A key carried to the next cycle counts there.
    public var paired: Int
    /// Per column pair, in mapping order.
    public var columns: [ColumnStatistics]

    /// Creates statistics.
    public init(mapping: String, cycles: Int = 1, compared: Int = 0, matched: Int = 0, paired: Int = 0, columns: [ColumnStatistics] = []) {
        self.mapping = mapping
        self.cycles = cycles
        self.compared = compared
        self.matched = matched
        self.paired = paired
        self.columns = columns
    }

    /// These statistics and a later cycle's summed: counts added, the larger largest difference, columns paired by
    /// legacy and new name (a column only one side of the sum has keeps its own counts), in the later cycle's order.
    public func adding(_ later: MappingStatistics) -> MappingStatistics {
        var sum = later
        sum.cycles += cycles
        sum.compared += compared
        sum.matched += matched
        sum.paired += paired
        for earlier in columns {
            if let index = sum.columns.firstIndex(where: { $0.column == earlier.column && $0.newColumn == earlier.newColumn }) {
                sum.columns[index].add(earlier)
            } else {
                sum.columns.append(earlier)
            }
        }
        return sum
    }
}
