import ParityConfig
import ParityModel
import ParityStore
import Reconciliation

/// Ledger differences as the reports read them: `pii` values masked, the disposition judged under `matcher`, the rules in
/// force now (a rule added to the config today applies to a difference found months ago), the first-seen cycle's end attached.
enum LedgerEntries {
    static func entries(
        _ differences: [OpenDifference], configuration: ParityConfiguration, matcher: DispositionMatcher, cycles: [CycleRecord]
    ) -> [EndOfDayReport.OpenDifferences.Entry] {
        let ends = Dictionary(cycles.map { ($0.id, StoreTime.date($0.end)) }, uniquingKeysWith: { first, _ in first })
        return differences.map { difference in
            var finding = difference.finding
            let rule = matcher.rule(for: finding)
            finding.disposition = rule?.disposition
            finding.ruleNote = rule?.note
            return EndOfDayReport.OpenDifferences.Entry(
                item: EndOfDayLoader.masked(finding, configuration), note: rule?.note, firstSeen: difference.firstSeen,
                firstSeenEnd: ends[difference.firstSeen], lastSeen: difference.lastSeen, resolvedCycle: difference.resolvedCycle)
        }
    }
}
