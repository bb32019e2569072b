import GRDB
import ParityModel

extension ParityStore {
    /// Every mapping's statistics in each closed cycle up to `cycle` that recorded them, by cycle then mapping.
    public func mappingStatistics(through cycle: Int64) throws(StoreError) -> [(cycle: Int64, statistics: MappingStatistics)] {
        try read { db in
            var columns: [Int64: [String: [ColumnStatistics]]] = [:]
            let rows = try Row.fetchCursor(
                db, sql: "SELECT * FROM column_statistics WHERE cycle <= ? ORDER BY cycle, mapping, seq", arguments: [cycle])
            while let row = try rows.next() {
                let id: Int64 = row["cycle"]
                let mapping: String = row["mapping"]
                columns[id, default: [:]][mapping, default: []].append(try ColumnStatistics(
                    column: row["column_name"], newColumn: row["new_column"], mismatched: row["mismatched"],
                    withinTolerance: row["within_tolerance"], largestDifference: row.optionalDecimal("largest_difference")))
            }
            return try Row.fetchAll(db, sql: """
                SELECT cycle, mapping, compared, matched, paired FROM cycle_table
                WHERE cycle <= ? AND paired IS NOT NULL ORDER BY cycle, mapping
                """, arguments: [cycle]).map { row in
                let id: Int64 = row["cycle"]
                let mapping: String = row["mapping"]
                return (id, MappingStatistics(
                    mapping: mapping, compared: row["compared"], matched: row["matched"], paired: row["paired"],
                    columns: columns[id]?[mapping] ?? []))
            }
        }
    }

    /// Records the statistics of the cycle being closed, after its table counts.
    static func recordStatistics(_ db: Database, cycle: Int64, _ statistics: [MappingStatistics]) throws {
        let insert = try db.makeStatement(sql: """
            INSERT INTO column_statistics (cycle, mapping, seq, column_name, new_column, mismatched, within_tolerance, largest_difference)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for mapping in statistics {
            try db.execute(
                sql: "UPDATE cycle_table SET paired = ? WHERE cycle = ? AND mapping = ?", arguments: [mapping.paired, cycle, mapping.mapping])
            for (seq, column) in mapping.columns.enumerated() {
                try insert.execute(arguments: [
                    cycle, mapping.mapping, seq, column.column, column.newColumn, column.mismatched, column.withinTolerance,
                    column.largestDifference?.description,
                ])
            }
        }
    }
}
