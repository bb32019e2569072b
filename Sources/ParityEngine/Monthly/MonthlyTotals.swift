import ExactNumeric
import ParityConfig
import ParityModel
import ParityStore
import Reconciliation

/// Adds up an aggregate's stored rows over a month, per group, exactly.
struct MonthlyTotals {
    private struct Sums {
        var legacy: ExactDecimal?
        var new: ExactDecimal?
        var bridge: [DifferenceCause: ExactDecimal] = [:]
        var unexplained: [DifferenceCause: ExactDecimal] = [:]
        var days: Set<String> = []
        var values: [String: String?] = [:]
    }

    let aggregate: AggregateConfiguration
    /// A balance: a later row of a group replaces the earlier one instead of adding to it.
    let replacing: Bool
    /// By group (its values as JSON text, told apart byte for byte as the groups are).
    private var sums: [ExactText: Sums] = [:]
    private var drift: [String: (explained: ExactDecimal, unexplained: ExactDecimal)] = [:]
    /// With a unit column: the drift per unit value (nil for NULL), then per day.
    private var driftByUnit: [ExactText?: [String: (explained: ExactDecimal, unexplained: ExactDecimal)]] = [:]

    init(aggregate: AggregateConfiguration, replacing: Bool) {
        self.aggregate = aggregate
        self.replacing = replacing
    }

    /// Adds one day's (or cycle's) row of a group.
    mutating func add(_ row: AggregateGroupResult, day: String) {
        let group = ExactText(RowJSON.image(row.group))
        var entry = replacing ? Sums() : sums[group, default: Sums()]
        if replacing { entry.days = sums[group]?.days ?? [] }
        entry.values = row.group
        entry.legacy = combine(entry.legacy, row.legacy)
        entry.new = combine(entry.new, row.new)
        for (cause, amount) in row.bridge { entry.bridge[cause] = (entry.bridge[cause] ?? .zero) + Self.finite(amount) }
        for (cause, amount) in row.unexplainedByKind { entry.unexplained[cause] = (entry.unexplained[cause] ?? .zero) + Self.finite(amount) }
        let difference = Self.finite(row.difference)
        if !difference.isZero { entry.days.insert(day) }
        sums[group] = entry
        let explained = row.bridge.values.reduce(ExactDecimal.zero) { $0 + Self.finite($1) }
        let unexplained = Self.finite(row.unexplained)
        Self.accumulate(&drift, day: day, explained: explained, unexplained: unexplained)
        if let unit = aggregate.unit {
            Self.accumulate(&driftByUnit[(row.group[unit] ?? nil).map { ExactText($0) }, default: [:]], day: day, explained: explained, unexplained: unexplained)
        }
    }

    private static func accumulate(
        _ drift: inout [String: (explained: ExactDecimal, unexplained: ExactDecimal)], day: String, explained: ExactDecimal,
        unexplained: ExactDecimal
    ) {
        let today = drift[day, default: (.zero, .zero)]
        drift[day] = (today.explained + explained, today.unexplained + unexplained)
    }

    /// Each group's month, sorted by its values.
    func groups() -> [MonthlyGroup] {
        let tolerance = ExactDecimal(aggregate.tolerance)?.abs ?? .zero
        return sums.keys.sorted().map { key in
            let entry = sums[key]!
            let difference = (entry.new ?? .zero) - (entry.legacy ?? .zero)
            let unexplained = entry.bridge.values.reduce(difference) { $0 - $1 }
            var group = MonthlyGroup(
                group: aggregate.groupBy.map { MonthlyGroup.Column(name: $0, value: entry.values[$0] ?? nil) },
                legacy: (entry.legacy ?? .zero).description, new: (entry.new ?? .zero).description, difference: difference.description,
                bridge: Self.steps(entry.bridge), roundingExplained: (entry.bridge[.finding(.rounding)] ?? .zero).description,
                unexplained: unexplained.description, daysWithDifferences: entry.days.count, withinTolerance: unexplained.abs <= tolerance)
            group.unexplainedByKind = Self.steps(entry.unexplained)
            return group
        }
    }

    /// Per day with any row: what was explained and what was not, summed over groups (for a balance, the change
    /// since the previous cycle, so the drift adds up to the month-end state).
    func daily() -> [MonthlyAggregate.DailyDrift] {
        deltas(drift)
    }

    /// ``daily()`` per unit value, in unit order (``unitPrecedes(_:_:)``); empty without a unit column.
    func dailyByUnit() -> [MonthlyAggregate.UnitDrift] {
        driftByUnit.keys.sorted(by: Self.unitPrecedes).map { unit in
            MonthlyAggregate.UnitDrift(unit: unit?.rawValue, daily: deltas(driftByUnit[unit]!))
        }
    }

    /// Unit values in byte order, NULL last.
    private static func unitPrecedes(_ left: ExactText?, _ right: ExactText?) -> Bool {
        switch (left, right) {
        case (let left?, let right?): left < right
        case (_?, nil): true
        case (nil, _): false
        }
    }

    private func deltas(_ drift: [String: (explained: ExactDecimal, unexplained: ExactDecimal)]) -> [MonthlyAggregate.DailyDrift] {
        var previous: (explained: ExactDecimal, unexplained: ExactDecimal) = (.zero, .zero)
        return drift.keys.sorted().map { day in
            let today = drift[day]!
            defer { if replacing { previous = today } }
            return MonthlyAggregate.DailyDrift(
                label: day, explained: (today.explained - previous.explained).description,
                unexplained: (today.unexplained - previous.unexplained).description)
        }
    }

    /// A group's running value with one more row's: added for sums and counts, the extreme for min and max.
    private func combine(_ running: ExactDecimal?, _ value: ExactDecimal?) -> ExactDecimal? {
        guard let value, value.isFinite else { return running }
        guard let running, !replacing else { return value }
        switch aggregate.measure {
        case .sum, .count: return running + value
        case .min: return Swift.min(running, value)
        case .max: return Swift.max(running, value)
        }
    }

    private static func steps(_ amounts: [DifferenceCause: ExactDecimal]) -> [MonthlyGroup.BridgeStep] {
        amounts.keys.sorted().map { MonthlyGroup.BridgeStep(kind: $0, amount: amounts[$0]!.description) }
    }

    /// The amount, or zero when it is not finite (`NaN` counts as no amount).
    private static func finite(_ amount: ExactDecimal) -> ExactDecimal {
        amount.isFinite ? amount : .zero
    }
}
