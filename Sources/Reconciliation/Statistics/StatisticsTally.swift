import ParityModel

/// Counts a mapping's statistics while its keys are compared: O(1) per key, plus O(1) per finding.
public struct StatisticsTally: Sendable {
    private let comparer: RowComparer
    /// Legacy column name → its position in the mapping's columns.
    private let positions: [String: Int]
    /// The statistics so far.
    public private(set) var statistics: MappingStatistics

    /// Starts counting the comparison of `comparer`'s mapping.
    public init(comparer: RowComparer) {
        self.comparer = comparer
        let columns = comparer.mapping.columns
        positions = Dictionary(columns.enumerated().map { ($1.legacy, $0) }, uniquingKeysWith: { first, _ in first })
        statistics = MappingStatistics(
            mapping: comparer.mapping.name, columns: columns.map { ColumnStatistics(column: $0.legacy, newColumn: $0.new) })
    }

    /// Counts a key compared and reported: whether it has a row on both sides, and its findings (none when equal).
    public mutating func count(paired: Bool, findings: [Finding]) {
        statistics.compared += 1
        if findings.isEmpty { statistics.matched += 1 }
        guard paired else { return }
        statistics.paired += 1
        for finding in findings {
            guard let column = finding.column, let index = positions[column] else { continue }
            let difference = comparer.absoluteDifference(ofColumnAt: index, legacy: finding.legacy, new: finding.new)
            statistics.columns[index].count(finding.kind, difference: difference)
        }
    }

    /// Counts a key compared whose differences were carried to the next cycle: its rows count when compared there.
    public mutating func countCarried() {
        statistics.compared += 1
    }
}
