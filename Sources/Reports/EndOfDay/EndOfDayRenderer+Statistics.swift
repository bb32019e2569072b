import ParityModel
import Reconciliation

extension EndOfDayRenderer {
    /// `12 compared, 4 equal, 9 on both sides`.
    static func counts(_ statistics: MappingStatistics) -> String {
        "\(statistics.compared) compared, \(statistics.matched) equal, \(statistics.paired) on both sides"
    }

    /// Per column (cumulative order): mismatched, share, within tolerance and largest difference in the cycle (`-` when
    /// the cycle did not compare it), then the same cumulatively.
    static func statisticsCells(_ line: EndOfDayReport.MappingColumnStatistics) -> [(column: ColumnStatistics, cells: [String])] {
        let cells = { (column: ColumnStatistics, statistics: MappingStatistics) -> [String] in
            ["\(column.mismatched)", statistics.mismatchShare(column), "\(column.withinTolerance)", column.largestDifference?.description ?? "-"]
        }
        return line.cumulative.columns.map { total in
            let own = line.cycle.flatMap { cycle in
                cycle.columns.first { column in column.column == total.column && column.newColumn == total.newColumn }
                    .map { column in cells(column, cycle) }
            }
            return (total, (own ?? ["-", "-", "-", "-"]) + cells(total, line.cumulative))
        }
    }
}
