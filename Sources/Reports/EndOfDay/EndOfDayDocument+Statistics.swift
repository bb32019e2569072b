import ParityModel
import Reconciliation

extension EndOfDayDocument {
    /// A mapping's column statistics: `cycle` (null when the cycle did not compare it) and `cumulative`.
    struct ColumnStatisticsEntry: Encodable {
        /// Counts of one cycle or summed over `cycles`.
        struct Counts: Encodable {
            let statistics: MappingStatistics

            enum CodingKeys: String, CodingKey {
                case cycles, compared, matched, paired, columns
            }

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(statistics.cycles, forKey: .cycles)
                try container.encode(statistics.compared, forKey: .compared)
                try container.encode(statistics.matched, forKey: .matched)
                try container.encode(statistics.paired, forKey: .paired)
                try container.encode(statistics.columns.map { Column(column: $0, share: statistics.mismatchShare($0)) }, forKey: .columns)
            }
        }

        /// One column pair; `largest_difference` is null when no row differs or the type has no distance.
        struct Column: Encodable {
            let column: ColumnStatistics
            let share: String

            enum CodingKeys: String, CodingKey {
                case column, newColumn = "new_column", mismatched, mismatchShare = "mismatch_share", withinTolerance = "within_tolerance"
                case largestDifference = "largest_difference"
            }

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(column.column, forKey: .column)
                try container.encode(column.newColumn, forKey: .newColumn)
                try container.encode(column.mismatched, forKey: .mismatched)
                try container.encode(share, forKey: .mismatchShare)
                try container.encode(column.withinTolerance, forKey: .withinTolerance)
                try container.encode(column.largestDifference?.description, forKey: .largestDifference)
            }
        }

        let line: EndOfDayReport.MappingColumnStatistics

        enum CodingKeys: String, CodingKey {
            case table, cycle, cumulative
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(line.table, forKey: .table)
            try container.encode(line.cycle.map(Counts.init), forKey: .cycle)
            try container.encode(Counts(statistics: line.cumulative), forKey: .cumulative)
        }
    }

    /// A column suggested as noise, with the config lines to paste; `tolerance` is null for types without one.
    struct Noise: Encodable {
        let suggestion: NoiseSuggestion

        enum CodingKeys: String, CodingKey {
            case table, column, newColumn = "new_column", cycles, lowestShare = "lowest_share", ignore, tolerance
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(suggestion.table, forKey: .table)
            try container.encode(suggestion.column, forKey: .column)
            try container.encode(suggestion.newColumn, forKey: .newColumn)
            try container.encode(suggestion.cycles, forKey: .cycles)
            try container.encode(suggestion.lowestShare, forKey: .lowestShare)
            try container.encode(suggestion.ignore, forKey: .ignore)
            try container.encode(suggestion.tolerance, forKey: .tolerance)
        }
    }
}
