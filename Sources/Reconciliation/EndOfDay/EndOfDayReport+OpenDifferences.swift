import Foundation
import ParityModel

extension EndOfDayReport {
    /// The open-differences ledger as of a cycle: what differs now, whatever cycle found it, by category.
    public struct OpenDifferences: Sendable, Equatable {
        /// One difference of the ledger as the report reads it.
        public struct Entry: Sendable, Equatable {
            /// The finding as last seen (its disposition judged under the current rules).
            public var item: Finding
            /// The current rule's note, if a rule applies.
            public var note: String?
            /// The cycle that first found it open.
            public var firstSeen: Int64
            /// The end of that cycle, when known.
            public var firstSeenEnd: Date?
            /// The last cycle that found it.
            public var lastSeen: Int64
            /// The cycle that resolved it; nil while open.
            public var resolvedCycle: Int64?

            /// Creates an entry.
            public init(item: Finding, note: String? = nil, firstSeen: Int64, firstSeenEnd: Date?, lastSeen: Int64, resolvedCycle: Int64?) {
                self.item = item
                self.note = note
                self.firstSeen = firstSeen
                self.firstSeenEnd = firstSeenEnd
                self.lastSeen = lastSeen
                self.resolvedCycle = resolvedCycle
            }
        }

        /// One category (mapping, column, kind, disposition) of the ledger.
        public struct Category: Sendable, Equatable {
            /// The table mapping's name.
            public var table: String
            /// The legacy column; nil for missing rows.
            public var column: String?
            /// The difference kind.
            public var kind: FindingKind
            /// The disposition under the current rules; nil when none applies.
            public var disposition: Disposition?
            /// Open at the cycle's end.
            public var open: Int
            /// Of those, first seen in this cycle.
            public var new: Int
            /// Resolved by this cycle.
            public var resolved: Int
            /// The oldest first-seen cycle among the open ones.
            public var oldestFirstSeen: Int64?
            /// How long before this cycle's end that cycle ended, in seconds.
            public var oldestAgeSeconds: Int64?
            /// The first few open keys, as `col=value;col=value`.
            public var sampleKeys: [String]
        }

        /// Open differences in all at the cycle's end.
        public var open: Int
        /// Of those, first seen in this cycle.
        public var new: Int
        /// Resolved by this cycle.
        public var resolved: Int
        /// Per category, the most open first.
        public var categories: [Category]

        /// How many sample keys a category shows.
        public static let samples = 5

        /// Summarizes the ledger entries that were open at cycle `cycle` or resolved by it, as of its end `end`.
        public init(_ entries: [Entry], cycle: Int64, end: Date) {
            var byCategory: [[String]: Category] = [:]
            var order: [[String]] = []
            for entry in entries.sorted(by: { ($0.firstSeen, ExactText($0.item.keyText)) < ($1.firstSeen, ExactText($1.item.keyText)) }) {
                let item = entry.item
                let id = [item.mapping, item.column ?? "", item.kind.rawValue, item.disposition?.rawValue ?? ""]
                if byCategory[id] == nil {
                    order.append(id)
                    byCategory[id] = Category(
                        table: item.mapping, column: item.column, kind: item.kind, disposition: item.disposition, open: 0, new: 0, resolved: 0,
                        oldestFirstSeen: nil, oldestAgeSeconds: nil, sampleKeys: [])
                }
                if entry.resolvedCycle == cycle {
                    byCategory[id]!.resolved += 1
                    continue
                }
                byCategory[id]!.open += 1
                if entry.firstSeen == cycle { byCategory[id]!.new += 1 }
                if byCategory[id]!.oldestFirstSeen == nil {
                    byCategory[id]!.oldestFirstSeen = entry.firstSeen
                    byCategory[id]!.oldestAgeSeconds = entry.firstSeenEnd.map { max(0, Int64(end.timeIntervalSince($0))) }
                }
                if byCategory[id]!.sampleKeys.count < Self.samples { byCategory[id]!.sampleKeys.append(item.keyText) }
            }
            categories = order.enumerated().map { (byCategory[$0.element]!, $0.offset) }
                .sorted { ($1.0.open, $0.1) < ($0.0.open, $1.1) }.map(\.0)
            open = categories.reduce(0) { $0 + $1.open }
            new = categories.reduce(0) { $0 + $1.new }
            resolved = categories.reduce(0) { $0 + $1.resolved }
        }
    }

}

extension EndOfDayReport.OpenDifferences.Category {
    /// `cycle 3, 2d 4h` (or `the baseline, …`); nil while nothing is open.
    public var oldestText: String? {
        guard let first = oldestFirstSeen else { return nil }
        let cycle = first == 0 ? "the baseline" : "cycle \(first)"
        return cycle + (oldestAgeSeconds.map { ", " + Humanized.duration(seconds: $0) } ?? "")
    }
}
