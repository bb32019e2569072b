import Foundation
import ParityConfig
import ParityStore
import PostgresClient
import Reconciliation
import SourceQueries

/// What one `parity close` reads live from the legacy database, once, when the first due cycle closes (so a
/// close with nothing due does not touch it): the catalog inventory and the rows of `legacy_summary` tables.
/// An unreachable legacy database leaves the cycles without them, not unclosed.
struct LegacySnapshot {
    let configuration: ParityConfiguration
    let now: Date
    private var taken: (HiddenStateRun, [String: [LegacySummaryRow]])?

    init(configuration: ParityConfiguration, now: Date) {
        self.configuration = configuration
        self.now = now
    }

    /// The hidden-state run for this close's cycles.
    mutating func hiddenState() -> HiddenStateRun {
        take().0
    }

    /// Per aggregate with a `legacy_summary`, the summary table's rows (absent when it could not be read).
    mutating func summaries() -> [String: [LegacySummaryRow]] {
        take().1
    }

    private mutating func take() -> (HiddenStateRun, [String: [LegacySummaryRow]]) {
        if let taken { return taken }
        let inventory = try? InventoryCommand.run(configuration, side: .legacy).inventory
        var summaries: [String: [LegacySummaryRow]] = [:]
        let wanted = configuration.aggregates.filter { $0.legacySummary != nil }
        if !wanted.isEmpty, let connection = try? PostgresConnection.connect(ConnectionOptions(source: configuration.sources.legacy)) {
            defer { connection.close() }
            for aggregate in wanted {
                summaries[aggregate.name] = try? LegacySummaryRow.read(aggregate.legacySummary!, connection: connection)
            }
        }
        let result = (HiddenStateRun(configuration: configuration, inventory: inventory, takenAt: StoreTime.micros(now)), summaries)
        taken = result
        return result
    }
}
