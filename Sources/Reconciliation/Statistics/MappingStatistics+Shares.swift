import ParityModel

extension MappingStatistics {
    /// The share of the paired rows that differ in `column` beyond tolerance, as a decimal with 6 places.
    public func mismatchShare(_ column: ColumnStatistics) -> String {
        UnexplainedRate.rate(unexplained: column.mismatched, keysCompared: paired)
    }

    /// Whether at least `percent` % of the paired rows differ in `column` beyond tolerance (exact, no rounding).
    public func mismatchShare(_ column: ColumnStatistics, atLeast percent: Int) -> Bool {
        paired > 0 && column.mismatched * 100 >= percent * paired
    }
}
