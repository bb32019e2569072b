import Foundation
import ParityConfig
import ParityModel
import ParityStore
import Reconciliation
import SourceQueries

/// Builds `parity report open` from the ledger: every open difference, judged under the dispositions in force at `now`.
public enum OpenDifferencesLoader {
    /// The kind of difference `name` names (`missing_in_new`, `missing_in_legacy`, `value_mismatch`, `rounding`), as the
    /// CLI and the API take it; a usage error otherwise.
    public static func kind(named name: String) throws(EngineError) -> FindingKind {
        guard let kind = FindingKind(rawValue: name), kind.isDifference else {
            throw EngineError(.usage, source: nil, message: "\(name) is not a kind of difference",
                              fix: "give one of: missing_in_new, missing_in_legacy, value_mismatch, rounding")
        }
        return kind
    }

    /// The open differences of `mapping` and `kind` (all when nil); only the unexplained ones (no disposition, or
    /// `match`) unless `includeExplained`.
    public static func load(
        _ configuration: ParityConfiguration, store: any Store, mapping: String? = nil, kind: FindingKind? = nil,
        includeExplained: Bool = false, now: Date = Date()
    ) throws(EngineError) -> OpenDifferencesReport {
        if let mapping, !configuration.tables.contains(where: { $0.name == mapping }) {
            throw EngineError(.usage, source: nil, message: "no table mapping is named \(mapping)",
                              fix: "give one of: \(configuration.tables.map(\.name).joined(separator: ", "))")
        }
        do {
            let cycles = try store.cycles()
            let labels = Dictionary(cycles.map { ($0.id, $0.label) }, uniquingKeysWith: { first, _ in first })
            let matcher = try DecisionBook.load(configuration, store: store).matcher(on: DecisionBook.day(configuration, at: now))
            let entries = LedgerEntries.entries(try store.differences(), configuration: configuration, matcher: matcher, cycles: cycles)
            let rows = entries.map { entry in
                OpenDifferencesReport.Row(
                    item: entry.item, note: entry.note, firstSeen: entry.firstSeen, firstLabel: labels[entry.firstSeen] ?? "",
                    lastSeen: entry.lastSeen, lastLabel: labels[entry.lastSeen] ?? "",
                    ageSeconds: entry.firstSeenEnd.map { max(0, Int64(now.timeIntervalSince($0))) })
            }
            let listed = rows.filter { row in
                (mapping.map { row.item.mapping == $0 } ?? true) && (kind.map { row.item.kind == $0 } ?? true)
                    && (includeExplained || row.isUnexplained)
            }
            return OpenDifferencesReport(
                generatedAt: now, mapping: mapping, kind: kind, includesExplained: includeExplained, totalOpen: rows.count,
                totalUnexplained: rows.filter(\.isUnexplained).count, rows: listed)
        } catch {
            throw EngineError.store(error, doing: "reading the open differences", fix: "check the store (store.path or store.url) can be read")
        }
    }
}
