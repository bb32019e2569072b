import Foundation
import ParityConfig
import ParityModel
import Reconciliation
import Reports
import Testing

@Suite("End-of-day report formats, categories and unmapped columns")
struct EndOfDayFormatsTests {
    private func item(_ id: String, column: String? = "status", kind: FindingKind = .valueMismatch, legacy: String? = "O",
                      new: String? = "P", disposition: Disposition? = nil, table: String = "orders") -> Finding {
        Finding(mapping: table, key: ["id": id], column: column, kind: kind, legacy: legacy, new: new,
                            disposition: disposition, attributedTo: nil)
    }

    private func report(_ items: [Finding]) -> EndOfDayReport {
        EndOfDayReport(
            id: 3, label: "2026-11-20", start: Date(timeIntervalSince1970: 0), end: Date(timeIntervalSince1970: 86_400),
            status: .closed, tables: [], findings: items, findingsTotal: items.count, carriedKeys: [], unexplainedRate: "0.000000",
            categories: FindingCategories.rank(items))
    }

    @Test("CSV: header, CRLF line ends, quoting of comma and quote, CR and LF escaped, unicode as UTF-8, composite keys")
    func csvQuoting() {
        let items = [
            item("1", legacy: "a,b", new: #"say "hi""#),
            item("2", legacy: "line\nbreak", new: "cr\rhere"),
            item("3", legacy: "Zürich ✓", new: nil),
            Finding(mapping: "lines", key: ["order_id": "1", "line_no": "2"], column: nil, kind: .missingInNew,
                                legacy: nil, new: nil, disposition: .legacyBug, attributedTo: nil),
        ]
        let csv = EndOfDayRenderer.render(report(items), format: .csv)
        #expect(csv == [
            "cycle,table,key,column,kind,legacy,new,disposition,attributed_to,explanation\r\n",
            "3,orders,id=1,status,value_mismatch,\"a,b\",\"say \"\"hi\"\"\",,,\r\n",
            #"3,orders,id=2,status,value_mismatch,line\nbreak,cr\rhere,,,"# + "\r\n",
            "3,orders,id=3,status,value_mismatch,Zürich ✓,,,,\r\n",
            "3,lines,line_no=2;order_id=1,,missing_in_new,,,legacy_bug,,\r\n",
        ].joined())
        #expect(Array(csv.utf8).starts(with: Array("cycle,".utf8)) && csv.utf8.contains(0xC3))
    }

    @Test("text: a finding shows the trigger it is attributed to; each table says when it was first compared; skipped mappings are named")
    func textAttributionAndCoverage() throws {
        var attributed = item("1", column: "fulltext")
        attributed.attributedTo = "trigger orders_fts on public.orders"
        var cycle = report([attributed])
        cycle.tables = [EndOfDayReport.Table(name: "orders", compared: 1, matched: 0, findings: ["value_mismatch": 1])]
        cycle.tables[0].comparedFrom = 3
        cycle.notCompared = [.init(table: "customers", reason: .notInitialized, detail: "added to the config after init: run parity init --add customers")]
        let text = EndOfDayRenderer.render(cycle, format: .text)
        #expect(text.contains("orders {id=1} value_mismatch fulltext: legacy \"O\" new \"P\"  attributed to trigger orders_fts on public.orders"),
                "\(text)")
        #expect(text.contains("(its baseline: every row)"))
        #expect(text.contains("customers") && text.contains("not compared: added to the config after init: run parity init --add customers"))
        let json = EndOfDayRenderer.render(cycle, format: .json)
        #expect(json.contains("\"compared_from\" : 3") && json.contains("\"reason\" : \"not_initialized\""), "\(json)")
    }

    @Test("a category without a column names its table alone in text; HTML sets a sentence's `names` as code, escaped")
    func categoryWithoutColumnAndCodeSpans() {
        var cycle = report([item("1", column: nil, kind: .missingInNew)])
        cycle.hiddenState = [HiddenStateLine(
            kind: .hiddenStateUnmapped, table: "public.daily_totals", trigger: "orders_ai", functions: [], transactions: 3,
            transactionsSeen: 3, rows: nil, mapped: false, documented: false,
            message: "`daily_totals` is maintained by undocumented trigger `orders_<ai>`")]
        let text = EndOfDayRenderer.render(cycle, format: .text)
        #expect(text.contains("  1  orders missing_in_new") && !text.contains("orders.-"), "\(text)")
        let html = EndOfDayRenderer.render(cycle, format: .html)
        #expect(html.contains("<code>daily_totals</code> is maintained by undocumented trigger <code>orders_&lt;ai&gt;</code>"), "\(html)")
        #expect(!html.contains("`"))
    }

    @Test("HTML from templates: the heading, the contracts note and the open-differences page, each value escaped")
    func templatedNotes() {
        var cycle = report([item("1")])
        cycle.status = .forced
        cycle.contracts = ContractsStatus(known: 3, lastExport: nil, decisionsFingerprint: "fnv1a64:0")
        let html = EndOfDayRenderer.render(cycle, format: .html)
        #expect(html.contains("<h1>Parity end of day — cycle 3 \(cycle.label)</h1>\n<p>Status <b>forced</b>, window [1970-01-01T00:00:00.000Z, "
            + "1970-01-02T00:00:00.000Z), unexplained diff rate <b>0.000000</b></p>"), "\(html)")
        #expect(html.contains("<p>Contracts: \(cycle.contracts!.summary)</p>"), "\(html)")
        let open = OpenDifferencesReport(
            generatedAt: Date(timeIntervalSince1970: 0), mapping: "<o>", kind: nil, includesExplained: false, totalOpen: 1, totalUnexplained: 1,
            rows: [.init(item: item("7", legacy: "<x>"), note: nil, firstSeen: 2, firstLabel: "c2", lastSeen: 3, lastLabel: cycle.label,
                         ageSeconds: 60)])
        let page = OpenDifferencesRenderer.render(open, format: .html)
        #expect(page.contains("<h1>Open differences</h1>\n<p>") && page.contains("mapping &lt;o&gt;") && page.contains("<td>&lt;x&gt;</td>"), "\(page)")
        #expect(!page.contains("<o>") && !page.contains("<x>"))
    }

    @Test("HTML: one page with inline CSS and no script or external asset; every value is escaped")
    func htmlEscapes() {
        let html = EndOfDayRenderer.render(report([item("1", legacy: "<script>alert(1)</script>", new: #"a & "b" 'c'"#)]), format: .html)
        #expect(!html.contains("<script") && html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("a &amp; &quot;b&quot; &#39;c&#39;"))
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<style>") && !html.contains("http") && !html.contains("src="))
    }

    @Test("cutover scope: a section in text and HTML (escaped) and tables[].scope in JSON, only for a scoped table")
    func scopeSection() throws {
        var scoped = report([])
        var table = EndOfDayReport.Table(name: "orders", compared: 12, matched: 12, findings: [:])
        table.scope = EndOfDayReport.ScopeLine(
            definition: "region <> '<eu>'", rows: 12_000, inScope: 3_000, outOfScope: 41, listedKeys: nil, comparedAll: true,
            history: [.init(cycle: 2, label: "c2", inScope: 120, rows: 12_000), .init(cycle: 3, label: "c3", inScope: 3_000, rows: 12_000)])
        scoped.tables = [table, EndOfDayReport.Table(name: "lines", compared: 1, matched: 1, findings: [:])]
        let text = EndOfDayRenderer.render(scoped, format: .text)
        #expect(text.contains("  orders  25.0% in scope (3,000 of 12,000 keys; 41 left out this cycle)  scope: region <> '<eu>'; changed:"
                              + " every key in scope compared  by cycle: 1.0% → 25.0%"), "\(text)")
        let html = EndOfDayRenderer.render(scoped, format: .html)
        #expect(html.contains("<h2>Cutover scope</h2>") && html.contains("region &lt;&gt; &#39;&lt;eu&gt;&#39;") && !html.contains("<eu>"))
        if let path = ProcessInfo.processInfo.environment["PARITY_SAMPLE_EOD_HTML"] { try html.write(toFile: path, atomically: true, encoding: .utf8) }
        let json = EndOfDayRenderer.render(scoped, format: .json)
        #expect(json.contains(#""share" : "0.250000""#) && json.contains(#""out_of_scope" : 41"#) && json.components(separatedBy: #""scope""#).count == 2)
        #expect(!EndOfDayRenderer.render(report([]), format: .text).contains("cutover scope"))
    }

    @Test("categories group by mapping, column, kind and disposition, rank by count, and sample at most 5 keys")
    func categoriesRanking() {
        let items = (1...7).map { item("\($0)") } + [item("8", disposition: .intentionalChange), item("9", disposition: .intentionalChange)]
            + [item("10", column: nil, kind: .missingInNew, legacy: nil, new: nil), item("11", column: "amount")]
            + [item("12", column: "amount")]
        let categories = FindingCategories.rank(items)
        #expect(categories.map(\.count) == [7, 2, 2, 1])
        #expect(categories[0].sampleKeys == ["id=1", "id=2", "id=3", "id=4", "id=5"])
        #expect(categories[0].disposition == nil && categories[0].column == "status")
        #expect(categories[1].column == "amount" && categories[2].disposition == .intentionalChange)
        #expect(categories[3].kind == .missingInNew && categories[3].sampleKeys == ["id=10"])
    }

    @Test("unmapped columns are stored columns neither mapped, keyed nor ignored, per side")
    func unmappedColumns() {
        let mapping = TableMapping(
            name: "invoices", legacy: QualifiedName(schema: "public", name: "invoices"), new: QualifiedName(schema: "billing", name: "invoice"),
            key: KeyMapping(legacy: ["inv_no"], new: ["id"]), columns: [ColumnMapping(legacy: "status", new: "state")],
            ignore: IgnoredColumns(legacy: ["row_version"], new: ["created_by"]))
        let unmapped = UnmappedColumnFinder.unmapped(
            mapping, legacyColumns: ["inv_no", "status", "row_version", "fax", "branch"], newColumns: ["id", "state", "created_by", "tenant"])
        #expect(unmapped == EndOfDayReport.UnmappedColumns(table: "invoices", legacy: ["branch", "fax"], new: ["tenant"]))
        #expect(UnmappedColumnFinder.unmapped(mapping, legacyColumns: nil, newColumns: nil).legacy.isEmpty)
    }
}
