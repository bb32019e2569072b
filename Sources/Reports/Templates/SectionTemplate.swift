/// A heading and a table of cells in which Markdown code spans are set as `<code>` (the end-of-day report's sections).
enum SectionTemplate {
    static let text = """
        <h2>{{heading}}</h2>
        {{#empty}}<p>none</p>{{/empty}}{{^empty}}<table>
        <tr>{{#columns}}<th>{{.}}</th>{{/columns}}</tr>
        {{#rows}}<tr>{{#cells}}<td>{{#spans}}{{#code}}<code>{{text}}</code>{{/code}}{{^code}}{{text}}{{/code}}{{/spans}}</td>{{/cells}}</tr>
        {{/rows}}</table>{{/empty}}
        """
}

/// What the `section` template reads.
struct SectionView {
    /// A run of a cell's text: plain, or a Markdown code span (`` `daily_totals` ``) shown as code without its backticks.
    struct Span {
        let text: String
        let code: Bool
    }

    struct Cell {
        let spans: [Span]
    }

    struct Row {
        let cells: [Cell]
    }

    let heading: String
    let columns: [String]
    let rows: [Row]
    let empty: Bool

    init(heading: String, columns: [String], rows: [[String]]) {
        self.heading = heading
        self.columns = columns
        self.rows = rows.map { Row(cells: $0.map { Cell(spans: Self.spans($0)) }) }
        empty = rows.isEmpty
    }

    /// `text` cut into plain runs and code spans, in order; an unpaired backtick stays plain.
    static func spans(_ text: String) -> [Span] {
        var spans: [Span] = []
        var rest = text[...]
        while let match = rest.firstMatch(of: /`([^`]+)`/) {
            if match.range.lowerBound > rest.startIndex { spans.append(Span(text: String(rest[..<match.range.lowerBound]), code: false)) }
            spans.append(Span(text: String(match.output.1), code: true))
            rest = rest[match.range.upperBound...]
        }
        if !rest.isEmpty { spans.append(Span(text: String(rest), code: false)) }
        return spans
    }
}
