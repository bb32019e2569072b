import Hummingbird

/// `/`: a page naming what the service serves, for whoever opens its address in a browser.
enum IndexRoute {
    static let paths: [(path: String, what: String)] = [
        ("/api/v1/status", "capture status per source (parity.status/1)"),
        ("/api/v1/cycles", "closed cycles; /api/v1/cycles/{id} an end-of-day report (parity.eod/1)"),
        ("/api/v1/months/{YYYY-MM}", "a monthly close report (parity.monthly/1)"),
        ("/api/v1/differences", "open differences (?mapping=, ?kind=, ?all=true)"),
        ("/api/v1/inventory", "the legacy inventory (parity.inventory/1)"),
        ("/api/v1/gate", "the decommission gate evaluated now (parity.gate/1)"),
        ("/reports/eod/{id}.html", "an end-of-day report as a page"),
        ("/reports/monthly/{YYYY-MM}.html", "a monthly close report as a page"),
        ("/metrics", "Prometheus metrics"),
        ("/healthz", "liveness"),
        ("/readyz", "readiness: both sources streaming"),
    ]

    static func add(to router: Router<BasicRequestContext>) {
        router.get("/") { _, _ in
            let items = paths.map { "<li><code>\($0.path)</code> — \($0.what)</li>" }.joined(separator: "\n")
            return TextResponse.html("""
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Parity</title></head>
                <body><h1>Parity</h1><p>Reconciliation of the legacy and new databases. Served here:</p>
                <ul>
                \(items)
                </ul></body></html>
                """)
        }
    }
}
