/// The frame of every report page and the table every report uses.
enum PageTemplates {
    static let page = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>{{title}}</title>
        <style>{{{style}}}</style></head>
        <body>
        {{{body}}}
        </body></html>

        """

    /// Rows end with a line break each, so a page's source reads one row per line.
    static let table = """
        {{#empty}}<p class="none">none</p>{{/empty}}{{^empty}}<table{{#tableClass}} class="{{tableClass}}"{{/tableClass}}>\
        <thead><tr>{{#columns}}<th>{{.}}</th>{{/columns}}</tr></thead><tbody>
        {{#rows}}<tr>{{#cells}}<td{{#cellClass}} class="{{cellClass}}"{{/cellClass}}>{{text}}</td>{{/cells}}</tr>
        {{/rows}}</tbody></table>{{/empty}}
        """
}
