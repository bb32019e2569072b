import ExactNumeric
import Foundation
import ParityTestSupport
import Reconciliation
import Reports
import Testing

@Suite("Monthly close report formats")
struct MonthlyFormatsTests {
    private func json(_ report: MonthlyReport) throws -> [String: Any] {
        let text = MonthlyRenderer.render(report, format: .json)
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("JSON: parity.monthly/1 field names, amounts as exact decimal strings, bridge + unexplained = difference")
    func jsonContract() throws {
        let document = try json(MonthlySample.report())
        #expect(document["schema"] as? String == "parity.monthly/1" && document["month"] as? String == "2026-11")
        #expect(Set(document.keys) == [
            "schema", "month", "generated_at", "aggregates", "rounding", "categories", "cycles", "sign_off", "open_differences",
        ])
        let open = try #require(document["open_differences"] as? [[String: Any]])
        #expect(open.count == 1 && open[0]["day"] as? String == "2026-11-18" && open[0]["key"] as? [String: String] == ["inv_no": "1017"])
        #expect(open[0]["first_seen_cycle"] as? Int == 18 && open[0]["new"] as? String == "120.75" && open[0]["disposition"] is NSNull)
        let aggregates = try #require(document["aggregates"] as? [[String: Any]])
        #expect(aggregates.map { $0["name"] as? String } == ["revenue_by_region", "open_balance_by_status"])
        #expect(Set(aggregates[0].keys) == [
            "name", "table", "measure", "scope", "tolerance", "groups", "daily", "unit", "daily_by_unit", "filter", "legacy_summary",
        ])
        #expect(aggregates[0]["unit"] is NSNull && (aggregates[0]["daily_by_unit"] as? [Any])?.isEmpty == true)
        #expect(aggregates[0]["filter"] as? String == "status <> 'void'" && aggregates[0]["legacy_summary"] is NSNull)
        let units = try #require(aggregates[1]["daily_by_unit"] as? [[String: Any]])
        #expect(aggregates[1]["unit"] as? String == "currency" && units.map { $0["unit"] as? String } == ["EUR", "USD"])
        #expect(aggregates[1]["legacy_summary"] as? String == "public.balance_snapshot.balance")
        #expect(aggregates[0]["measure"] as? String == "sum(total)" && aggregates[0]["scope"] as? String == "flow")
        for aggregate in aggregates {
            for group in try #require(aggregate["groups"] as? [[String: Any]]) {
                #expect(Set(group.keys) == [
                    "group", "legacy", "new", "difference", "bridge", "rounding_explained", "unexplained", "days_with_differences",
                    "within_tolerance", "unexplained_by_kind",
                ])
                let amount = { (key: String) in try #require(group[key] as? String).flatMap(ExactDecimal.init) }
                let bridge = try #require(group["bridge"] as? [String: String])
                let walked = bridge.values.compactMap(ExactDecimal.init).reduce(try amount("unexplained")!, +)
                #expect(walked == (try amount("difference"))!)
                #expect(try amount("new")! - amount("legacy")! == amount("difference")!)
                #expect(try amount("rounding_explained")! == ExactDecimal(bridge["rounding"] ?? "0")!)
                #expect(group["within_tolerance"] is Bool && group["days_with_differences"] is Int)
            }
        }
        let eu = try #require((aggregates[0]["groups"] as? [[String: Any]])?.first)
        #expect(eu["group"] as? [String: String] == ["region": "EU"])
        #expect(eu["legacy"] as? String == "1284310.55" && eu["unexplained"] as? String == "0.75" && eu["difference"] as? String == "0.90")
        let nullGroup = try #require((aggregates[1]["groups"] as? [[String: Any]])?.last?["group"] as? [String: Any])
        #expect(nullGroup["currency"] is NSNull && nullGroup["status"] as? String == "closed")
        let daily = try #require(aggregates[0]["daily"] as? [[String: String]])
        #expect(daily.count == 30 && daily[17] == ["label": "2026-11-18", "explained": "0.01", "unexplained": "0.75"])
        let rounding = try #require(document["rounding"] as? [[String: String]])
        #expect(rounding[0]["legacy_mode"] == "half_up" && rounding[0]["new_mode"] == "half_even" && rounding[0]["evidence"] != nil)
        let categories = try #require(document["categories"] as? [[String: Any]])
        #expect(categories.last?["disposition"] is NSNull && categories.last?["findings"] as? Int == 3)
        #expect((document["cycles"] as? [[String: String]])?[13] == ["label": "2026-11-14", "status": "forced"])
        let signOff = try #require(document["sign_off"] as? [String: Any])
        #expect(signOff["prepared_by"] as? String == "A. Controller" && signOff["reviewed_by"] is NSNull)
    }

    @Test("CSV: one CRLF line per aggregate and group, bridge columns, a column per group key, exact amounts with no thousands separator, RFC 4180 quoting, LF escaped")
    func csv() {
        let csv = MonthlyRenderer.render(MonthlySample.report(), format: .csv)
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines.count == 1 + 6 + 1 && lines.last == "" && !csv.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(lines[0] == "month,aggregate,table,measure,scope,tolerance,group,legacy,new,difference,bridge_missing_in_new,"
            + "bridge_missing_in_legacy,bridge_value_mismatch,bridge_rounding,bridge_within_tolerance,rounding_explained,unexplained,"
            + "days_with_differences,within_tolerance,unexplained_by_kind,group_region,group_status,group_currency")
        #expect(lines[1] == "2026-11,revenue_by_region,invoices,sum(total),flow,0.25,region=EU,1284310.55,1284311.45,0.90,0,0,0,0.15,0,0.15,0.75,27,no,,EU,,")
        #expect(lines[4] == "2026-11,open_balance_by_status,accounts,sum(balance),balance,0,\"status=active, currency=EUR\",5120339.20,5120336.70,-2.50,0,0,-2.50,0,0,0,0.00,26,yes,,,active,EUR")
        #expect(lines[6].hasSuffix(",,closed,NULL"), "a NULL group value is NULL, a key the aggregate is not grouped by is empty: \(lines[6])")

        var report = MonthlySample.report()
        report.aggregates[0].name = "a,\"b\"\nc"
        let quoted = MonthlyRenderer.render(report, format: .csv)
        #expect(quoted.contains(MonthlySample.report().month + #","a,""b""\nc",invoices,"#))
        report.aggregates[0].groups[0].unexplainedByKind = [.init(kind: .finding(.missingInNew), amount: "-0.75")]
        #expect(MonthlyRenderer.render(report, format: .csv).contains(",0.75,27,no,missing_in_new -0.75,EU,,\r\n"))
    }

    @Test("HTML: self-contained, an SVG chart per aggregate, hostile names escaped, no external asset")
    func html() {
        var report = MonthlySample.report()
        report.aggregates[0].name = "<script>alert(1)</script>"
        report.aggregates[0].groups[0].group = [.init(name: "region", value: "\"><img src=x onerror=alert(1)>")]
        report.categories[0].note = "a & b"
        let html = MonthlyRenderer.render(report, format: .html)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<style>") && html.contains("@media print"))
        #expect(!html.contains("<script") && html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.contains("<img") && html.contains("&quot;&gt;&lt;img src=x"))
        #expect(html.contains("a &amp; b"))
        #expect(html.components(separatedBy: "<svg").count == 4 && html.contains("<polyline class=\"unexplained\""))
        #expect(html.contains("Sign-off — monthly close 2026-11") && html.contains("1,284,310.55") && html.contains("bridge: missing in new"))
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("src=\"") && !html.contains("<link"))
        #expect(html.contains("class=\"forced\"") && html.contains("class=\"missing\"") && html.contains("Reviewed by"))
    }

    @Test("HTML chart: cumulative drift with exact tick labels on round steps")
    func chartTicks() {
        let html = MonthlyRenderer.render(MonthlySample.report(), format: .html)
        let chart = html.components(separatedBy: "<svg")[1]
        for tick in ["0.0", "0.2", "0.4", "0.6", "0.8"] {
            #expect(chart.contains(">\(tick)</text>"), "tick \(tick)")
        }
        #expect(chart.contains("explained by findings (bridge): 0.28") && chart.contains("unexplained: 0.75"))
        // One chart per currency: EUR and USD drift are never added into one line.
        let charts = html.components(separatedBy: "<svg").dropFirst().map { $0 }
        #expect(charts.count == 3, "revenue, then the EUR and the USD balances")
        #expect(charts[1].contains("open_balance_by_status in EUR: cumulative drift") && charts[1].contains("explained by findings (bridge): -2.50 EUR"))
        #expect(charts[2].contains("open_balance_by_status in USD") && charts[2].contains("unexplained: 1.00 USD"))
    }

    @Test("text: aggregates with bridge columns, rounding modes, undispositioned categories, irregular cycles, blank sign-off lines")
    func text() {
        let text = MonthlyRenderer.render(MonthlySample.report(), format: .text)
        // Times in the business's zone, amounts grouped by thousands, names in words, filter and unit said.
        #expect(text.hasPrefix("monthly close 2026-11  generated 2026-12-01 09:00 Europe/Berlin"), "\(text)")
        #expect(text.contains("revenue_by_region: sum(total) over invoices, flow (rows dated in the month), tolerance 0.25 per group; "
            + "only rows where status <> 'void'"))
        #expect(text.contains("  region=EU    1,284,310.55  1,284,311.45        0.90               0                  0      0.15         0.75    27  EXCEEDED"),
                "\(text)")
        #expect(text.contains("  group              legacy           new  difference  missing in new  missing in legacy  rounding  unexplained  days  tolerance"))
        #expect(text.contains("legacy totals read from public.balance_snapshot.balance; amounts per currency, never added across"))
        #expect(text.contains("  unexplained (sum): EUR 0.00; NULL 0.00; USD 1.00"), "\(text)")
        #expect(text.contains("half up") && text.contains("intentional change") && text.contains("value mismatch"))
        #expect(text.contains("sign-off, monthly close 2026-11:\nprepared by A. Controller at 2026-12-01 10:00 Europe/Berlin"))
        #expect(text.contains("NONE") && text.contains("2026-11-14 forced; 2026-11-23 missing"))
        #expect(text.contains("reviewed by ________________"))
        #expect(text.contains("unexplained open differences on rows dated in 2026-11 (parity report open lists them all):"))
        #expect(text.contains("  revenue_by_region  2026-11-18  invoices  inv_no=1017  total   value mismatch  120.00  120.75  none         cycle 18"),
                "\(text)")
    }

    /// `make monthly-png` sets PARITY_SAMPLE_HTML and renders the page it gets to docs/images/monthly-report.png.
    @Test("the sample page is one self-contained document with a chart per aggregate, written to $PARITY_SAMPLE_HTML")
    func writeSample() throws {
        let html = MonthlyRenderer.render(MonthlySample.report(), format: .html)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.hasSuffix("</html>\n"))
        #expect(html.components(separatedBy: "<svg").count - 1 == MonthlySample.report().aggregates.map(\.driftSeries.count).reduce(0, +))
        let scratch = try ScratchDirectory("monthly")
        let path = ProcessInfo.processInfo.environment["PARITY_SAMPLE_HTML"] ?? scratch.file("monthly-sample.html")
        try withExtendedLifetime(scratch) {
            try html.write(toFile: path, atomically: true, encoding: .utf8)
            #expect(try String(contentsOfFile: path, encoding: .utf8) == html)
        }
    }
}
