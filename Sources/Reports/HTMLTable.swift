/// HTML tables of escaped cells for the self-contained report pages.
enum HTMLTable {
    /// One cell: escaped text, with an optional class on the `<td>`.
    struct Cell {
        let text: String
        let cssClass: String?

        init(_ text: String, class cssClass: String? = nil) {
            self.text = text
            self.cssClass = cssClass
        }
    }

    /// A `<table>` with a header row and escaped cells, or `<p class="none">none</p>` when there is no row.
    static func render(_ columns: [String], _ rows: [[Cell]], class cssClass: String? = nil) -> String {
        guard !rows.isEmpty else { return "<p class=\"none\">none</p>" }
        let head = "<thead><tr>" + columns.map { "<th>\(Escaping.html($0))</th>" }.joined() + "</tr></thead>"
        let body = rows.map { row in
            "<tr>" + row.map { cell in
                let attribute = cell.cssClass.map { " class=\"\(Escaping.html($0))\"" } ?? ""
                return "<td\(attribute)>\(Escaping.html(cell.text))</td>"
            }.joined() + "</tr>"
        }.joined(separator: "\n")
        let attribute = cssClass.map { " class=\"\(Escaping.html($0))\"" } ?? ""
        return "<table\(attribute)>\(head)<tbody>\n\(body)\n</tbody></table>"
    }

    /// A complete page: doctype, UTF-8, escaped title, inline `style`, and `body` as given (already escaped).
    static func page(title: String, style: String, body: [String]) -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>\(Escaping.html(title))</title>
        <style>\(style)</style></head>
        <body>
        \(body.joined(separator: "\n"))
        </body></html>

        """
    }
}
