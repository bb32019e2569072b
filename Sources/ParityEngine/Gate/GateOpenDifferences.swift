import ParityConfig
import ParityModel
import ParityStore
import Reconciliation

/// The unexplained-diffs and dispositions criteria's view of the ledger: every open difference judged under the
/// current disposition rules, so a rule written today explains a difference found months ago.
enum GateOpenDifferences {
    /// At most this many unexplained differences are named in the evidence.
    static let examples = 10

    static func load(store: any ResultStore, matcher: DispositionMatcher, labels: [Int64: String]) throws -> GateInput.OpenDifferences {
        let open = try store.differences()
        var unexplained: [OpenDifference] = []
        var matched = 0
        var seen = Set<GateInput.Category>()
        var categories: [GateInput.Category] = []
        for difference in open {
            let disposition = matcher.rule(for: difference.finding)?.disposition
            if disposition == nil || disposition == .match { unexplained.append(difference) }
            if disposition == .match { matched += 1 }
            let category = GateInput.Category(
                table: difference.finding.mapping, column: difference.finding.column, kind: difference.finding.kind,
                disposition: disposition)
            if seen.insert(category).inserted { categories.append(category) }
        }
        return GateInput.OpenDifferences(
            total: open.count, unexplained: unexplained.count,
            examples: unexplained.prefix(examples).map { describe($0, labels: labels) }, categories: categories, matched: matched)
    }

    /// `orders {order_no=20000} missing_in_new, open since cycle 2 (2026-11-02)`.
    static func describe(_ difference: OpenDifference, labels: [Int64: String]) -> String {
        let finding = difference.finding
        let key = KeyText.format(finding.key, separator: ",")
        let since = difference.firstSeen == 0 ? "the baseline" : "cycle \(difference.firstSeen)" + (labels[difference.firstSeen].map { " (\($0))" } ?? "")
        return "\(finding.mapping) {\(key)} \(finding.column.map { "\($0) " } ?? "")\(finding.kind.rawValue), open since \(since)"
    }
}
