import Hummingbird
import Reports

/// The HTML reports: `/reports/eod/{id}.html` and `/reports/monthly/{yyyy-mm}.html`.
enum ReportRoutes {
    static func add(to router: Router<BasicRequestContext>, state: ServiceState) {
        router.get("/reports/eod/{id}.html") { _, context in
            let report = try await ReportLookup.endOfDay(state, id: try context.parameters.require("id"))
            return TextResponse.html(EndOfDayRenderer.render(report, format: .html))
        }
        router.get("/reports/monthly/{month}.html") { _, context in
            let report = try await ReportLookup.monthly(state, month: try context.parameters.require("month"))
            return TextResponse.html(MonthlyRenderer.render(report, format: .html))
        }
    }
}
