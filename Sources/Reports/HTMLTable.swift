/// HTML tables of escaped cells for the self-contained report pages, rendered from the `table` and `page` templates.
enum HTMLTable {
    /// One cell: text (escaped by the template), with an optional class on the `<td>`.
    struct Cell {
        let text: String
        let cellClass: String?

        init(_ text: String, class cssClass: String? = nil) {
            self.text = text
            cellClass = cssClass
        }
    }

    /// A `<table>` with a header row and escaped cells, or `<p class="none">none</p>` when there is no row.
    static func render(_ columns: [String], _ rows: [[Cell]], class cssClass: String? = nil) -> String {
        ReportTemplates.render(
            TableView(tableClass: cssClass, columns: columns, rows: rows.map(TableView.Row.init), empty: rows.isEmpty), "table")
    }

    /// A complete page: doctype, UTF-8, escaped title, inline `style`, and `body` as given (markup built from escaped parts).
    static func page(title: String, style: String, body: [String]) -> String {
        ReportTemplates.render(PageView(title: title, style: style, body: body.joined(separator: "\n")), "page")
    }
}

/// What the `table` template reads.
private struct TableView {
    struct Row {
        let cells: [HTMLTable.Cell]
    }

    let tableClass: String?
    let columns: [String]
    let rows: [Row]
    let empty: Bool
}

/// What the `page` template reads.
private struct PageView {
    let title: String
    let style: String
    let body: String
}
