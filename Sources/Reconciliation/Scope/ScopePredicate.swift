import ParityConfig
import ParityModel

/// Whether a key is in a mapping's cutover scope (`tables[].scope`), decided from the rows either side holds for it:
/// a key is in scope when a row that exists on either side is. A row filter reads the legacy row as it is and the new
/// row through the mapping (legacy column names), unless the scope gives each side its own filter; a key table lists
/// the values of one legacy column, compared as text, byte for byte (``ExactText``), as the source's database compares them.
public struct ScopePredicate: Sendable {
    private enum Test: Sendable {
        case filters(legacy: RowFilter, new: RowFilter, newInLegacyNames: Bool)
        case keys(column: String, listed: Set<ExactText>)
    }

    private let test: Test
    private let mapping: TableMapping

    /// The predicate of `scope` over `mapping`; `keys` are the values a key table lists (read at the close).
    public init(_ scope: CutoverScope, mapping: TableMapping, keys: Set<ExactText> = []) throws(RowFilterError) {
        self.mapping = mapping
        switch scope {
        case .filter(let text):
            let filter = try RowFilter(parsing: text)
            test = .filters(legacy: filter, new: filter, newInLegacyNames: true)
        case .perSide(let legacy, let new):
            test = .filters(legacy: try RowFilter(parsing: legacy), new: try RowFilter(parsing: new), newInLegacyNames: false)
        case .keyTable(let table):
            test = .keys(column: table.match, listed: keys)
        }
    }

    /// Whether the key whose rows are `legacy` and `new` (each nil when that side has none) is in scope.
    public func contains(legacy: RowImage?, new: RowImage?) -> Bool {
        if let legacy, accepts(legacy, side: .legacy) { return true }
        if let new, accepts(new, side: .new) { return true }
        return false
    }

    private func accepts(_ row: RowImage, side: SourceSide) -> Bool {
        switch test {
        case .filters(let legacy, let new, let newInLegacyNames):
            guard side == .new else { return legacy.accepts(row) }
            return new.accepts(newInLegacyNames ? LegacyNamedImage.view(of: row, mapping: mapping) : row)
        case .keys(let column, let listed):
            let named = side == .new ? LegacyNamedImage.view(of: row, mapping: mapping) : row
            return (named[column] ?? nil).map { listed.contains(ExactText($0)) } ?? false
        }
    }
}
