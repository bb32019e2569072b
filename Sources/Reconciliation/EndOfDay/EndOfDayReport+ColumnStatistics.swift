import ParityConfig
import ParityModel

extension EndOfDayReport {
    /// A mapping's column statistics: the cycle's own and the sum over the cycles through it.
    public struct MappingColumnStatistics: Sendable, Equatable {
        /// The table mapping's name.
        public var table: String
        /// The cycle's own; nil when the cycle did not compare the mapping.
        public var cycle: MappingStatistics?
        /// Summed over every cycle through the report's that recorded statistics for the mapping.
        public var cumulative: MappingStatistics

        /// Creates a mapping's lines.
        public init(table: String, cycle: MappingStatistics?, cumulative: MappingStatistics) {
            self.table = table
            self.cycle = cycle
            self.cumulative = cumulative
        }
    }

    /// Sets `columnStatistics` and `noiseSuggestions` from each mapping's statistics per closed cycle through this one,
    /// oldest first, for the configured `mappings`. A `pii` column's largest difference is not shown (it tells about values).
    public mutating func addStatistics(_ history: [(cycle: Int64, statistics: MappingStatistics)], mappings: [TableMapping]) {
        columnStatistics = []
        noiseSuggestions = []
        for mapping in mappings {
            let pii = Set(mapping.columns.filter(\.pii).map(\.legacy))
            let own = history.filter { $0.statistics.mapping == mapping.name }.map { entry in
                var statistics = entry.statistics
                for index in statistics.columns.indices where pii.contains(statistics.columns[index].column) {
                    statistics.columns[index].largestDifference = nil
                }
                return (cycle: entry.cycle, statistics: statistics)
            }
            guard let first = own.first else { continue }
            columnStatistics.append(MappingColumnStatistics(
                table: mapping.name, cycle: own.last { $0.cycle == id }?.statistics,
                cumulative: own.dropFirst().reduce(first.statistics) { $0.adding($1.statistics) }))
            noiseSuggestions += NoiseRule.suggestions(for: mapping, history: own)
        }
    }
}
