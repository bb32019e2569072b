/// The end-of-day page's heading and its one-line notes, and the open-differences page's body.
enum EndOfDayTemplates {
    static let heading = """
        <h1>{{title}}</h1>
        <p>Status <b>{{status}}</b>, window [{{start}}, {{end}}), unexplained diff rate <b>{{rate}}</b></p>
        """

    /// A one-line note (`Verification: …`).
    static let note = """
        <p>{{label}}: {{text}}</p>
        """

    static let openDifferences = """
        <h1>Open differences</h1>
        <p>{{summary}}, as of {{asOf}}</p>
        {{{table}}}
        """
}

/// What the end-of-day `heading` template reads.
struct EndOfDayHeadingView {
    let title: String
    let status: String
    let start: String
    let end: String
    let rate: String
}

/// What the `note` template reads.
struct NoteView {
    let label: String
    let text: String
}

/// What the `openDifferences` template reads.
struct OpenDifferencesView {
    let summary: String
    let asOf: String
    let table: String
}
