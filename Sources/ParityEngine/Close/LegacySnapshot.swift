import Foundation
import Logging
import ParityConfig
import ParityLogging
import ParityModel
import ParityStore
import PostgresClient
import Reconciliation
import SourceQueries

/// What one `parity close` reads live from the legacy database, once, when the first due cycle closes (so a
/// close with nothing due does not touch it): the catalog inventory and the rows of `legacy_summary` tables.
/// An unreachable legacy database leaves the cycles without them, not unclosed, and says so in the log.
struct LegacySnapshot {
    let configuration: ParityConfiguration
    let now: Date
    private let logger: Logger
    private var taken: (HiddenStateRun, [String: [LegacySummaryRow]])?

    init(configuration: ParityConfiguration, now: Date, logger: Logger) {
        self.configuration = configuration
        self.now = now
        self.logger = logger
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
        let inventory: Inventory?
        do {
            inventory = try InventoryCommand.run(configuration, side: .legacy).inventory
        } catch {
            logger.warning("the legacy inventory was not taken: these cycles close without a hidden-state inventory",
                           metadata: .parity([.source: SourceSide.legacy.rawValue, .error: error.description]))
            inventory = nil
        }
        let result = (HiddenStateRun(configuration: configuration, inventory: inventory, takenAt: StoreTime.micros(now)), readSummaries())
        taken = result
        return result
    }

    /// The rows of every `legacy_summary` table that could be read; each one that could not is logged.
    private func readSummaries() -> [String: [LegacySummaryRow]] {
        let wanted = configuration.aggregates.compactMap { aggregate in aggregate.legacySummary.map { (aggregate.name, $0) } }
        guard !wanted.isEmpty else { return [:] }
        let connection: PostgresConnection
        do {
            connection = try PostgresConnection.connect(ConnectionOptions(source: configuration.sources.legacy))
        } catch {
            logger.warning("the legacy summary tables were not read: their aggregates close without them",
                           metadata: .parity([.source: SourceSide.legacy.rawValue, .error: error.description]))
            return [:]
        }
        defer { connection.close() }
        var summaries: [String: [LegacySummaryRow]] = [:]
        for (name, summary) in wanted {
            do {
                summaries[name] = try LegacySummaryRow.read(summary, connection: connection)
            } catch {
                logger.warning("a legacy summary table was not read: aggregate \(name) closes without it", metadata: .parity([
                    .source: SourceSide.legacy.rawValue, .table: "\(summary.table.schema).\(summary.table.name)", .error: error.description,
                ]))
            }
        }
        return summaries
    }
}
