import Foundation
import ParityModel
import Reconciliation
import Reports
import Testing

/// Issue 30: hostile row values and catalog text cannot steer the operator's terminal, forge report lines, reorder
/// what is printed, or pad every row of a text table.
@Suite("Text and CSV reports are safe for terminals")
struct TerminalSafetyTests {
    /// An OSC sequence that retitles a terminal, ending in BEL.
    static let osc = "\u{1B}]0;pwned\u{07}"
    /// A key whose CR/LF would start a report line of its own.
    static let forgedKey = "7\r\nfindings: 0"
    /// A right-to-left override, a CSI (C1), DEL and a tab.
    static let bidi = "abc\u{202E}fed\u{9B}2J\u{7F}\tz"

    private func report(_ items: [Finding]) -> EndOfDayReport {
        EndOfDayReport(
            id: 3, label: MonthlySample.labels[19], start: Date(timeIntervalSince1970: 0), end: Date(timeIntervalSince1970: 86_400),
            status: .closed, tables: [], findings: items, findingsTotal: items.count, carriedKeys: [], unexplainedRate: "0.000000",
            categories: FindingCategories.rank(items))
    }

    private func item(key: String, legacy: String?, new: String?) -> Finding {
        Finding(mapping: "orders", key: ["id": key], column: "note", kind: .valueMismatch, legacy: legacy, new: new,
                            disposition: nil, attributedTo: nil)
    }

    /// Whether `text` holds any character the reports escape, other than the newlines that end its lines.
    private func holdsHidden(_ text: String, lineEnd: String = "\n") -> Bool {
        text.replacingOccurrences(of: lineEnd, with: "").unicodeScalars.contains { scalar in
            scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || [0x061C, 0x200E, 0x200F].contains(scalar.value)
                || (0x2028...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
        }
    }

    @Test("end-of-day text: ESC/OSC, CR/LF in a key and a value, U+202E, C1, DEL and tab are shown escaped; backslashes as they are")
    func endOfDayText() {
        let items = [
            item(key: Self.forgedKey, legacy: Self.osc, new: "line\nfindings: 0"),
            item(key: "8", legacy: Self.bidi, new: #"C:\new\table"#),
        ]
        let text = EndOfDayRenderer.render(report(items), format: .text)
        #expect(!holdsHidden(text), "\(text)")
        #expect(text.contains(#"  orders {id=7\r\nfindings: 0} value_mismatch note: legacy "\x1b]0;pwned\x07" new "line\nfindings: 0""#))
        #expect(text.contains(#"  orders {id=8} value_mismatch note: legacy "abc\u202efed\u009b2J\x7f\tz" new "C:\new\table""#))
        let forged = text.split(separator: "\n").filter { $0.hasPrefix("findings: ") }
        #expect(forged == ["findings: 2"])
    }

    @Test("a 1 MiB value: the end-of-day text shows 80 characters of it ending in …, CSV and JSON the whole value")
    func endOfDayHugeValue() {
        let huge = String(repeating: "x", count: 1 << 20)
        let cycle = report([item(key: huge, legacy: huge, new: "y")])
        let text = EndOfDayRenderer.render(cycle, format: .text)
        let cut = String(repeating: "x", count: 79) + "…"
        #expect(text.utf8.count < 4_000)
        #expect(text.contains("  orders {id=\(cut)} value_mismatch note: legacy \"\(cut)\" new \"y\""))
        let csv = EndOfDayRenderer.render(cycle, format: .csv)
        #expect(csv.utf8.count > 2 << 20)
        let json = EndOfDayRenderer.render(cycle, format: .json)
        #expect(json.contains(huge))
    }

    @Test("a 1 MiB group: the monthly text table cuts the cell with … and pads no other row with it")
    func monthlyHugeGroup() {
        var report = MonthlySample.report()
        let plain = MonthlyRenderer.render(report, format: .text)
        report.aggregates[0].groups[0].group = [.init(name: "region", value: String(repeating: "g", count: 1 << 20))]
        let text = MonthlyRenderer.render(report, format: .text)
        #expect(text.utf8.count < plain.utf8.count + 1_000)
        let cell = "region=" + String(repeating: "g", count: 72) + "…"
        #expect(text.contains("  \(cell)  1,284,310.55"))
        // The group column is 80 wide, not 1 MiB: the US row grows by 80 − 11 ("region=APAC", the widest plain group).
        let us = { (text: String) in text.split(separator: "\n").first { line in line.hasPrefix("  region=US") }?.count ?? 0 }
        #expect(us(text) == us(plain) + 80 - 11)
        #expect(MonthlyRenderer.render(report, format: .csv).contains(String(repeating: "g", count: 1 << 20)))
    }

    @Test("monthly text and CSV: a group holding ESC, LF and U+202E is escaped in the table and in the cell")
    func monthlyGroup() {
        var report = MonthlySample.report()
        report.aggregates[0].groups[0].group = [.init(name: "region", value: "E\u{1B}[2J\nU\u{202E}")]
        let text = MonthlyRenderer.render(report, format: .text)
        #expect(!holdsHidden(text))
        #expect(text.contains(#"  region=E\x1b[2J\nU\u202e  1,284,310.55"#))
        let csv = MonthlyRenderer.render(report, format: .csv)
        #expect(!holdsHidden(csv, lineEnd: "\r\n"))
        #expect(csv.contains(report.month + #",revenue_by_region,invoices,sum(total),flow,0.25,region=E\x1b[2J\nU\u202e,1284310.55,"#))
    }

    @Test("CSV: controls escaped inside cells, commas and quotes still quoted, one CRLF record per finding or difference")
    func csvCells() {
        let items = [item(key: Self.forgedKey, legacy: "a,\(Self.osc)", new: "say \"\u{202E}\"")]
        let csv = EndOfDayRenderer.render(report(items), format: .csv)
        #expect(csv.components(separatedBy: "\r\n").count == 3)
        #expect(csv.hasSuffix(#"3,orders,id=7\r\nfindings: 0,note,value_mismatch,"a,\x1b]0;pwned\x07","say ""\u202e""",,,"# + "\r\n"))
        let open = OpenDifferencesReport(
            generatedAt: Date(timeIntervalSince1970: 0), mapping: nil, kind: nil, includesExplained: false, totalOpen: 1,
            totalUnexplained: 1, rows: [.init(item: items[0], note: "n\u{85}ote", firstSeen: 1, firstLabel: MonthlySample.labels[0], lastSeen: 2,
                                              lastLabel: MonthlySample.labels[1], ageSeconds: 60)])
        let differences = OpenDifferencesRenderer.render(open, format: .csv)
        #expect(!holdsHidden(differences, lineEnd: "\r\n"))
        #expect(differences.contains(#",n\u0085ote,1,"# + MonthlySample.labels[0] + ","))
        let table = OpenDifferencesRenderer.render(open, format: .text)
        #expect(!holdsHidden(table) && table.contains(#"orders  id=7\r\nfindings: 0  note"#))
    }

    @Test("CSV: a cell a spreadsheet would run as a formula starts with ' (=, +, -, @), numbers stay numbers")
    func csvFormulaGuard() {
        let items = [
            item(key: "id=1", legacy: "=HYPERLINK(\"http://x\",\"a\")", new: "@SUM(A1)"),
            item(key: "id=2", legacy: "-12.50", new: "+3e2"),
            item(key: "id=3", legacy: "-cmd|' /C calc'!A0", new: "-"),
        ]
        let lines = EndOfDayRenderer.render(report(items), format: .csv).components(separatedBy: "\r\n")
        #expect(lines[1].contains(#",value_mismatch,"'=HYPERLINK(""http://x"",""a"")",'@SUM(A1),"#), "\(lines[1])")
        #expect(lines[2].contains(",value_mismatch,-12.50,+3e2,"), "\(lines[2])")
        #expect(lines[3].contains(",value_mismatch,'-cmd|' /C calc'!A0,-,"), "\(lines[3])")
    }

    @Test("inventory text: catalog text with controls is escaped; JSON and HTML keep values as their encoders escape them")
    func catalogTextAndOtherFormats() {
        let inventory = Inventory(source: .legacy, items: [
            InventoryItem(kind: .rule, name: "r\u{1B}[31m", table: "public.t", details: [.text("writes", "a\u{2066}b\nc")]),
        ], triggers: [])
        let text = InventoryRenderer.render(inventory, blindSpots: [], format: .text)
        #expect(!holdsHidden(text))
        #expect(text.contains(#"    public.t  r\x1b[31m"#) && text.contains(#"        writes: a\u2066b\nc"#))
        let items = [item(key: "1", legacy: Self.osc, new: Self.bidi)]
        let json = EndOfDayRenderer.render(report(items), format: .json)
        #expect(json.contains(#""legacy" : "\u001b]0;pwned\u0007""#))
        let html = EndOfDayRenderer.render(report(items), format: .html)
        #expect(html.contains("<td>\(Self.osc)</td>") && html.contains("<td>abc\u{202E}fed"))
    }
}
