import Foundation
import ParityConfig
import ParityModel
import ParityStore
import Reconciliation

/// The monthly report's open differences: for each flow aggregate, the unexplained open differences of its table (no
/// disposition, or `match`, under the dispositions in force at `now`) whose row (the legacy image, else the new one, as of the last closed cycle) the aggregate
/// dates in the month. Explained ones are already walked in the bridge.
enum MonthlyOpenDifferences {
    static func lines(
        _ configuration: ParityConfiguration, store: any Store, month: String, cycles: [CycleRecord], now: Date
    ) throws -> [MonthlyReport.OpenDifferenceLine] {
        let matcher = try DecisionBook.load(configuration, store: store).matcher(on: DecisionBook.day(configuration, at: now))
        var lines: [MonthlyReport.OpenDifferenceLine] = []
        for aggregate in configuration.aggregates where aggregate.scope == .flow {
            guard let mapping = configuration.tables.first(where: { $0.name == aggregate.table }),
                  let computer = AggregateComputer(aggregate: aggregate, mapping: mapping, matcher: matcher, timezone: configuration.cycle.timezone)
            else { continue }
            let entries = LedgerEntries.entries(
                try store.differences(mapping: mapping.name), configuration: configuration, matcher: matcher, cycles: cycles)
            var images: [ExactText: (legacy: RowImage?, new: RowImage?)] = [:]
            for entry in entries where entry.item.disposition == nil || entry.item.disposition == .match {
                let rowKey = RowJSON.key(mapping.key.legacy.map { entry.item.key[$0] ?? nil })
                if images[ExactText(rowKey)] == nil {
                    images[ExactText(rowKey)] = (try store.closedImage(side: .legacy, mapping: mapping.name, rowKey: rowKey),
                                                 try store.closedImage(side: .new, mapping: mapping.name, rowKey: rowKey))
                }
                guard let image = images[ExactText(rowKey)], let day = computer.businessDay(legacy: image.legacy, new: image.new),
                      day.hasPrefix(month) else { continue }
                lines.append(MonthlyReport.OpenDifferenceLine(aggregate: aggregate.name, day: day, item: entry.item, firstSeen: entry.firstSeen))
            }
        }
        return lines
    }
}
