import ExactNumeric
import ParityModel

extension AggregateComputer {
    /// The group totals an aggregate reached over some of its mapping's keys (a close task's parts): computers fed
    /// disjoint sets of keys add up to the one fed every key (``add(_:)``).
    public struct Partial: Codable, Equatable, Sendable {
        /// One business day's (flows) and group's totals.
        public struct Group: Codable, Equatable, Sendable {
            var period: String
            var group: [String?]
            var legacy: ExactDecimal?
            var new: ExactDecimal?
            var bridge: [DifferenceCause: ExactDecimal]
            var unexplained: [DifferenceCause: ExactDecimal]
        }

        /// In the order ``AggregateComputer/results()`` sorts them.
        public var groups: [Group]
    }

    /// The totals so far.
    public var partial: Partial {
        Partial(groups: sortedBuckets.map { bucket in
            let totals = totals[bucket]!
            return Partial.Group(
                period: bucket.period, group: bucket.group, legacy: totals.legacy, new: totals.new,
                bridge: totals.bridge, unexplained: totals.unexplained)
        })
    }

    /// Adds the totals another computer of the same aggregate reached over other keys.
    public mutating func add(_ partial: Partial) {
        for group in partial.groups {
            let bucket = Bucket(period: group.period, group: group.group)
            var entry = totals[bucket, default: Totals()]
            entry.legacy = combined(entry.legacy, group.legacy)
            entry.new = combined(entry.new, group.new)
            entry.bridge.merge(group.bridge, uniquingKeysWith: +)
            entry.unexplained.merge(group.unexplained, uniquingKeysWith: +)
            totals[bucket] = entry
        }
    }

    /// Two totals of one side over disjoint keys as one: added for sums and counts, the smaller or larger for min and max.
    private func combined(_ first: ExactDecimal?, _ second: ExactDecimal?) -> ExactDecimal? {
        guard let first else { return second }
        guard let second else { return first }
        switch aggregate.measure {
        case .count, .sum: return first + second
        case .min: return ExactDecimal.least(first, second)
        case .max: return ExactDecimal.greatest(first, second)
        }
    }
}
