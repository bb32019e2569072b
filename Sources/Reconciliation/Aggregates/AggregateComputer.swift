import ExactNumeric
import ParityConfig
import ParityModel

/// Computes one configured aggregate over a mapping's rows as of a cycle's end, pairing legacy and new rows
/// by key so each group's difference is walked by cause (see `AggregateGroupResult`).
///
/// Feed every key of the mapping once with both images. Rows the filter rejects are left out on their own
/// side. A `balance` aggregate has one result per group; a `flow` aggregate one per business day (the date
/// column's calendar day in the cycle's time zone) and group, rows without a date left out.
public struct AggregateComputer: Sendable {
    struct Totals {
        var legacy: ExactDecimal?
        var new: ExactDecimal?
        var bridge: [DifferenceCause: ExactDecimal] = [:]
        var unexplained: [DifferenceCause: ExactDecimal] = [:]
    }

    /// The aggregate computed.
    public let aggregate: AggregateConfiguration
    private let mapping: TableMapping
    private let comparer: RowComparer
    private let matcher: DispositionMatcher
    private let filter: RowFilter?
    private let zone: ZoneClock?
    private let measureColumn: ColumnMapping?
    private let tolerance: ExactDecimal
    var totals: [Bucket: Totals] = [:]
    /// The legacy summary table's value per bucket, when the aggregate compares one.
    private var summary: [Bucket: ExactDecimal]?

    /// A flow's business day (empty for a balance) and a group. Group values are told apart byte for byte, as
    /// PostgreSQL's `GROUP BY` tells them apart (a decomposed `é` is another group than the precomposed one).
    struct Bucket: Hashable {
        var period: String
        var group: [String?]

        static func == (left: Bucket, right: Bucket) -> Bool {
            left.period == right.period && left.group.count == right.group.count
                && zip(left.group, right.group).allSatisfy { $0.map(ExactText.init(rawValue:)) == $1.map(ExactText.init(rawValue:)) }
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(period)
            for value in group {
                if let value { CanonicalKeyOrder.hash(value, into: &hasher) } else { hasher.combine(0 as UInt8) }
            }
        }

        /// Day, then group values in byte order, NULL before any text.
        static func precedes(_ left: Bucket, _ right: Bucket) -> Bool {
            if left.period != right.period { return left.period < right.period }
            for (a, b) in zip(left.group, right.group) {
                switch (a, b) {
                case (nil, nil): continue
                case (nil, _?): return true
                case (_?, nil): return false
                case (let a?, let b?):
                    let order = CanonicalKeyOrder.compare(a, b)
                    if order != 0 { return order < 0 }
                }
            }
            return left.group.count < right.group.count
        }
    }

    /// Prepares the aggregate; `timezone` is the IANA zone business days are counted in (and dates without
    /// an offset read in). Nil when the filter does not parse.
    public init?(aggregate: AggregateConfiguration, mapping: TableMapping, matcher: DispositionMatcher, timezone: String) {
        if let text = aggregate.filter {
            guard let filter = try? RowFilter(parsing: text) else { return nil }
            self.filter = filter
        } else {
            filter = nil
        }
        self.aggregate = aggregate
        self.mapping = mapping
        comparer = RowComparer(mapping: mapping)
        self.matcher = matcher
        zone = ZoneClock(identifier: timezone)
        measureColumn = mapping.column(legacy: aggregate.measure.column)
        tolerance = ExactDecimal(aggregate.tolerance)?.abs ?? .zero
    }

    /// Adds one key: its legacy image and its new image (new column names), either nil when the row does not exist.
    public mutating func add(legacy: RowImage?, new: RowImage?) {
        let newView = new.map { LegacyNamedImage.view(of: $0, mapping: mapping) }
        let legacyRow = legacy.flatMap { filter?.accepts($0) == false ? nil : $0 }
        let newRow = newView.flatMap { filter?.accepts($0) == false ? nil : $0 }
        let legacyGroup = legacyRow.flatMap(bucket)
        let newGroup = newRow.flatMap(bucket)
        if let legacyRow, let legacyGroup { accumulate(legacyGroup, side: .legacy, row: legacyRow) }
        if let newRow, let newGroup { accumulate(newGroup, side: .new, row: newRow) }
        guard aggregate.measure.isAdditive else { return }
        let legacyMeasure = legacyGroup == nil ? .zero : legacyRow.flatMap(measure) ?? .zero
        let newMeasure = newGroup == nil ? .zero : newRow.flatMap(measure) ?? .zero
        if let legacyGroup, legacyGroup == newGroup, let legacy, let new {
            let delta = newMeasure - legacyMeasure
            guard !delta.isZero else { return }
            explain(delta, in: legacyGroup, kind: comparer.kind(ofColumn: aggregate.measure.column, legacy: legacy, new: new)
                        ?? .valueMismatch, legacy: legacy, new: new)
            return
        }
        if let legacyGroup, !legacyMeasure.isZero {
            explain(.zero - legacyMeasure, in: legacyGroup, kind: new == nil ? .missingInNew : .valueMismatch, legacy: legacy, new: new)
        }
        if let newGroup, !newMeasure.isZero {
            explain(newMeasure, in: newGroup, kind: legacy == nil ? .missingInLegacy : .valueMismatch, legacy: legacy, new: new)
        }
    }

    /// Compares the new side with a legacy summary table instead of the legacy rows: each group's legacy value is
    /// the summary's, and what the summary disagrees with the legacy rows by is unexplained as `legacy_summary`.
    public mutating func compare(withSummary rows: [LegacySummaryRow]) {
        var values: [Bucket: ExactDecimal] = [:]
        for row in rows {
            guard let bucket = bucket(group: row.group, date: row.date) else { continue }
            values[bucket] = (values[bucket] ?? .zero) + (row.value.flatMap { ExactDecimal($0) } ?? .zero)
            if totals[bucket] == nil { totals[bucket] = Totals() }
        }
        summary = values
    }

    /// Every business day and group seen, sorted by day then group values.
    public func results() -> [AggregateGroupResult] {
        sortedBuckets.map { bucket in
            var totals = totals[bucket]!
            if let summary {
                let legacySummary = summary[bucket] ?? .zero
                let drift = (totals.legacy ?? .zero) - legacySummary
                if !drift.isZero { totals.unexplained[.legacySummary, default: .zero] = totals.unexplained[.legacySummary, default: .zero] + drift }
                totals.legacy = legacySummary
            }
            var result = AggregateGroupResult(
                aggregate: aggregate.name, period: bucket.period,
                group: Dictionary(zip(aggregate.groupBy, bucket.group), uniquingKeysWith: { first, _ in first }), legacy: totals.legacy, new: totals.new,
                bridge: totals.bridge, unexplainedByKind: totals.unexplained, withinTolerance: true)
            result.withinTolerance = result.unexplained.abs <= tolerance
            return result
        }
    }

    /// Every bucket seen, sorted by day then group values (``Bucket/precedes(_:_:)``).
    var sortedBuckets: [Bucket] {
        totals.keys.sorted(by: Bucket.precedes)
    }

    /// The row's business day (flows) and group; nil for a flow row without a readable date.
    private func bucket(_ row: RowImage) -> Bucket? {
        bucket(group: aggregate.groupBy.map { row[$0] ?? nil }, date: aggregate.date.flatMap { row[$0.legacy] ?? nil })
    }

    /// The bucket of a group and date text: for a flow the date's calendar day in the zone (nil without a readable date).
    private func bucket(group: [String?], date: String?) -> Bucket? {
        guard aggregate.scope == .flow else { return Bucket(period: "", group: group) }
        return date.flatMap(day).map { Bucket(period: $0, group: group) }
    }

    /// The business day (`YYYY-MM-DD`) a flow counts a row in: its date column's calendar day in the zone, read from
    /// the legacy image, else the new one (new column names); nil for a balance or a row without a readable date.
    public func businessDay(legacy: RowImage?, new: RowImage?) -> String? {
        guard aggregate.scope == .flow, let date = aggregate.date else { return nil }
        let text = legacy.flatMap { $0[date.legacy] ?? nil } ?? new.flatMap { $0[date.new] ?? nil }
        return text.flatMap(day)
    }

    /// The calendar day of date or timestamp text in the zone; nil when it is not a finite date.
    private func day(_ text: String) -> String? {
        guard case .finite(let micros) = ParsedTimestamp(parsing: text, zone: zone) else { return nil }
        let seconds = micros >= 0 ? micros / 1_000_000 : -((-micros + 999_999) / 1_000_000)
        let local = zone?.local(at: seconds) ?? seconds
        return CivilDate(daysSinceEpoch: Int(local >= 0 ? local / 86_400 : -((-local + 86_399) / 86_400))).isoString
    }

    /// The row's contribution to a sum or count; nil for a NULL or non-numeric value.
    private func measure(_ row: RowImage) -> ExactDecimal? {
        switch aggregate.measure {
        case .count("*"): return 1
        case .count(let column): return (row[column] ?? nil) == nil ? nil : 1
        case .sum(let column), .min(let column), .max(let column): return (row[column] ?? nil).flatMap { ExactDecimal($0) }
        }
    }

    private mutating func accumulate(_ group: Bucket, side: SourceSide, row: RowImage) {
        var entry = totals[group, default: Totals()]
        let current = side == .legacy ? entry.legacy : entry.new
        let next: ExactDecimal?
        switch (aggregate.measure, measure(row)) {
        case (.count, let value), (.sum, let value): next = (current ?? .zero) + (value ?? .zero)
        case (.min, let value?): next = current.map { ExactDecimal.least($0, value) } ?? value
        case (.max, let value?): next = current.map { ExactDecimal.greatest($0, value) } ?? value
        case (.min, nil), (.max, nil): next = current
        }
        if side == .legacy { entry.legacy = next } else { entry.new = next }
        totals[group] = entry
    }

    private mutating func explain(_ amount: ExactDecimal, in group: Bucket, kind: FindingKind, legacy: RowImage?, new: RowImage?) {
        var entry = totals[group, default: Totals()]
        if explains(kind, legacy: legacy, new: new) {
            entry.bridge[.finding(kind), default: .zero] = entry.bridge[.finding(kind), default: .zero] + amount
        } else {
            entry.unexplained[.finding(kind), default: .zero] = entry.unexplained[.finding(kind), default: .zero] + amount
        }
        totals[group] = entry
    }

    /// Rounding always explains; any other kind when its disposition says the difference is intended or a legacy bug.
    private func explains(_ kind: FindingKind, legacy: RowImage?, new: RowImage?) -> Bool {
        if kind == .rounding { return true }
        let image = legacy ?? new.map { LegacyNamedImage.view(of: $0, mapping: mapping) } ?? [:]
        let key = Dictionary(zip(mapping.key.legacy, mapping.key.legacy.map { image[$0] ?? nil }), uniquingKeysWith: { a, _ in a })
        let isRowKind = kind == .missingInNew || kind == .missingInLegacy
        let finding = Finding(
            mapping: mapping.name, key: key, column: isRowKind ? nil : measureColumn?.legacy,
            newColumn: isRowKind ? nil : measureColumn?.new, kind: kind,
            legacy: measureColumn.flatMap { legacy?[$0.legacy] ?? nil }, new: measureColumn.flatMap { new?[$0.new] ?? nil })
        guard let disposition = matcher.rule(for: finding)?.disposition else { return false }
        return disposition == .intentionalChange || disposition == .legacyBug
    }
}

extension AggregateMeasure {
    /// Whether group totals add up row by row (sum, count), so differences can be walked by cause.
    public var isAdditive: Bool {
        switch self {
        case .sum, .count: true
        case .min, .max: false
        }
    }
}
