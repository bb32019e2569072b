import ParityConfig
import PostgresClient
import Reconciliation

extension LegacySummaryRow {
    /// Every row of a summary table: its group columns, date column and value as text.
    public static func read(_ summary: LegacySummary, connection: PostgresConnection) throws(PostgresError) -> [LegacySummaryRow] {
        let columns = summary.groupBy.map { quoteIdentifier($0) + "::text" }
            + [summary.date.map { quoteIdentifier($0) + "::text" } ?? "NULL::text", quoteIdentifier(summary.value) + "::text"]
        let sql = "SELECT " + columns.joined(separator: ", ") + " FROM "
            + quoteIdentifier(summary.table.schema) + "." + quoteIdentifier(summary.table.name)
        return try connection.query(PostgresQuery(unsafeSQL: sql)).rows.map { row in
            let values = row.values
            return LegacySummaryRow(group: Array(values.prefix(summary.groupBy.count)), date: values[summary.groupBy.count],
                                    value: values[summary.groupBy.count + 1])
        }
    }
}
