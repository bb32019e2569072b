import ExactNumeric
import ParityStore
import Reconciliation

extension StoredMappingStatistics {
    /// The store's form of a mapping's statistics in cycle `cycle`.
    init(cycle: Int64, _ statistics: MappingStatistics) {
        self.init(
            cycle: cycle, mapping: statistics.mapping, compared: statistics.compared, matched: statistics.matched,
            paired: statistics.paired, columns: statistics.columns.map {
                Column(column: $0.column, newColumn: $0.newColumn, mismatched: $0.mismatched, withinTolerance: $0.withinTolerance,
                       largestDifference: $0.largestDifference?.description)
            })
    }
}

extension MappingStatistics {
    /// One cycle's statistics as the store recorded them.
    init(_ stored: StoredMappingStatistics) {
        self.init(
            mapping: stored.mapping, compared: stored.compared, matched: stored.matched, paired: stored.paired,
            columns: stored.columns.map {
                ColumnStatistics(column: $0.column, newColumn: $0.newColumn, mismatched: $0.mismatched, withinTolerance: $0.withinTolerance,
                                 largestDifference: $0.largestDifference.flatMap { ExactDecimal($0) })
            })
    }
}
