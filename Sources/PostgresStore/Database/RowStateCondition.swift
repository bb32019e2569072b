import ParityModel
import PostgresClient

extension PostgresQuery.StringInterpolation {
    /// The condition selecting `row_state`'s rows of `mapping` on `side`, naming the numbers its primary key leads with
    /// (migration 009) so that the key serves it: `\(rowStateOf: side, mapping: mapping)`.
    mutating func appendInterpolation(rowStateOf side: SourceSide, mapping: String) {
        appendLiteral("side_number = side_number_of(")
        appendInterpolation(side.rawValue)
        appendLiteral(") AND mapping_number = mapping_number_of(")
        appendInterpolation(mapping)
        appendLiteral(") AND mapping = ")
        appendInterpolation(mapping)
    }
}
