import ParityConfig

extension Preflight {
    /// Every decimal column's `source` expression, every aggregate's `filter` and every scope filter must parse, and every `line_items`
    /// must name a lines mapping, its decimal amount column with a source, and the header's mapped total; a FAIL
    /// names the config path and what to write instead.
    public static func semanticChecks(_ configuration: ParityConfiguration) -> [CheckResult] {
        var results = lineItemChecks(configuration)
        if configuration.tables.isEmpty {
            results.append(.fail(
                "tables", nil, "no table mapping: Parity would capture and compare nothing",
                fix: "add a mapping under tables: (config/parity.example.yaml shows one)", blocks: .configuration))
        }
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
            for filter in mapping.scope?.filters ?? [] {
                do {
                    _ = try RowFilter(parsing: filter)
                } catch {
                    results.append(.fail(
                        "scope_filter", mapping.name, "tables[\(tableIndex)].scope \"\(filter)\": \(error.message) at \(error.offset)",
                        fix: "write scope filters like tenant_id % 100 < 5 or customer_id in (7, 9)", blocks: .configuration))
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

    private static func lineItemChecks(_ configuration: ParityConfiguration) -> [CheckResult] {
        configuration.tables.enumerated().compactMap { index, header in
            guard let items = header.lineItems else { return nil }
            let path = "tables[\(index)].line_items"
            let problem: String?
            if let lines = configuration.table(named: items.mapping) {
                if let amount = lines.column(legacy: items.amount), amount.type == .decimal, amount.source != nil {
                    problem = header.column(legacy: items.total) == nil ? "total \(items.total) is not a mapped column of \(header.name)" : nil
                } else {
                    problem = "amount \(items.amount) is not a mapped decimal column with a source in \(lines.name)"
                }
            } else {
                problem = "table \(items.mapping) is not the name of a table mapping"
            }
            return problem.map {
                .fail("line_items", header.name, "\(path): \($0)",
                      fix: "name the lines' mapping, their decimal amount column (with source:) and the header's mapped total column",
                      blocks: .configuration)
            }
        }
    }
}
