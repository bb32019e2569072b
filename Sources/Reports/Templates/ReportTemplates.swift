import Mustache

/// The report pages' Mustache templates, parsed once. `{{name}}` is HTML-escaped by the template; `{{{name}}}` takes
/// markup a renderer assembled from escaped parts (a table, an SVG chart) or a constant (the style sheet).
enum ReportTemplates {
    private static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        for (name, text) in [("page", PageTemplates.page), ("table", PageTemplates.table), ("monthly", MonthlyTemplate.text),
                                   ("section", SectionTemplate.text), ("gate", GateTemplate.text),
                                   ("heading", EndOfDayTemplates.heading), ("note", EndOfDayTemplates.note),
                                   ("openDifferences", EndOfDayTemplates.openDifferences)] {
            do {
                try library.register(text, named: name)
            } catch {
                preconditionFailure("the \(name) template does not parse: \(error)")
            }
        }
        return library
    }()

    /// `object` rendered with the template `name`.
    static func render(_ object: Any, _ name: String) -> String {
        guard let text = library.render(object, withTemplate: name) else { preconditionFailure("no template named \(name)") }
        return text
    }
}
