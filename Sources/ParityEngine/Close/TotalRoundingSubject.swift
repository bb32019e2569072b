import ParityConfig
import Reconciliation

/// How a header's total is named beside the rounding evidence of columns: under the header's mapping, with a column name
/// that says what was summed (`total = Σ invoice_lines.amount`).
enum TotalRoundingSubject {
    /// What was summed: `total = Σ invoice_lines.amount`.
    static func column(_ items: LineItems) -> String {
        "\(items.total) = Σ \(items.mapping).\(items.amount)"
    }

    /// The column reports name a total by: `total: total = Σ invoice_lines.amount`.
    static func label(_ column: String) -> String {
        "total: " + column
    }
}
