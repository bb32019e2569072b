/// The formats a report can be rendered in; each report supports a subset.
public enum OutputFormat: String, Sendable, CaseIterable {
    case text, json, csv, html
}
