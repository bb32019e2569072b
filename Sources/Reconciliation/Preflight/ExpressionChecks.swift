import ParityConfig

extension Preflight {
    /// Every decimal column's `source` expression and every aggregate's `filter` must parse; a FAIL names the
    /// config path, the offset and what to write instead.
    public static func expressionChecks(_ configuration: ParityConfiguration) -> [CheckResult] {
        var results: [CheckResult] = []
        for (tableIndex, mapping) in configuration.tables.enumerated() {
            for (columnIndex, column) in mapping.columns.enumerated() {
                guard let source = column.source else { continue }
                do {
                    _ = try SourceExpression(parsing: source)
                } catch {
                    results.append(.fail(
                        "source_expression", mapping.name,
                        "tables[\(tableIndex)].columns[\(columnIndex)].source \"\(source)\": \(error.message) at \(error.offset)",
                        fix: error.fix, blocks: .configuration))
                }
            }
        }
        for (index, aggregate) in configuration.aggregates.enumerated() {
            guard let filter = aggregate.filter else { continue }
            do {
                _ = try RowFilter(parsing: filter)
            } catch {
                results.append(.fail(
                    "aggregate_filter", aggregate.name, "aggregates[\(index)].filter \"\(filter)\": \(error.message) at \(error.offset)",
                    fix: "write filters like status <> 'V' and amount > 0", blocks: .configuration))
            }
        }
        return results
    }
}
