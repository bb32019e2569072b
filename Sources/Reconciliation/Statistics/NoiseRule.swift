import ParityConfig
import ParityModel

/// When a column is suggested as noise: in each of the last `cycles` cycles in which its mapping paired at least
/// `minimumRows` rows (rows present on both sides and compared), at least `percent` % of them differed in the column
/// beyond its tolerance. Quieter cycles (a weekend) are passed over: they neither count nor break the run. Only columns
/// the configuration still maps are suggested, so a column ignored, or given a tolerance its differences fit, drops out.
public enum NoiseRule {
    /// Cycles in a row with the column differing on nearly every row.
    public static let cycles = 3
    /// Fewest paired rows for a cycle to count as evidence.
    public static let minimumRows = 10
    /// Smallest share of paired rows differing, in percent.
    public static let percent = 95

    /// The columns of `mapping` the rule suggests as noise, given its statistics per closed cycle, oldest first.
    public static func suggestions(for mapping: TableMapping, history: [(cycle: Int64, statistics: MappingStatistics)]) -> [NoiseSuggestion] {
        let evidence = history.filter { $0.statistics.paired >= minimumRows }.suffix(cycles)
        guard evidence.count == cycles else { return [] }
        return mapping.columns.compactMap { column in
            let seen = evidence.compactMap { entry -> (cycle: Int64, statistics: MappingStatistics, column: ColumnStatistics)? in
                guard let statistics = entry.statistics.columns.first(where: { $0.column == column.legacy && $0.newColumn == column.new }),
                      entry.statistics.mismatchShare(statistics, atLeast: percent) else { return nil }
                return (entry.cycle, entry.statistics, statistics)
            }
            return seen.count == cycles ? NoiseSuggestion(mapping: mapping, column: column, evidence: seen) : nil
        }
    }
}
