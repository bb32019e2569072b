import Foundation
import ParityModel
import Reconciliation

/// `parity.monthly/1` (docs/json-schemas.md).
struct MonthlyDocument: Encodable {
    struct Aggregate: Encodable {
        let name: String
        let table: String
        let measure: String
        let scope: String
        let tolerance: String
        let groups: [Group]
        let daily: [Daily]
        let unit: String?
        let dailyByUnit: [UnitDaily]
        let filter: String?
        let legacySummary: String?
        let cutoverScope: String?

        enum CodingKeys: String, CodingKey {
            case name, table, measure, scope, tolerance, groups, daily, unit, filter
            case dailyByUnit = "daily_by_unit", legacySummary = "legacy_summary", cutoverScope = "cutover_scope"
        }

        init(_ aggregate: MonthlyAggregate) {
            (name, table, measure, scope, tolerance) = (
                aggregate.name, aggregate.table, aggregate.measure, aggregate.scope.rawValue, aggregate.tolerance
            )
            groups = aggregate.groups.map(Group.init)
            daily = aggregate.daily.map(Daily.init)
            unit = aggregate.unit
            dailyByUnit = aggregate.dailyByUnit.map { UnitDaily(unit: $0.unit, daily: $0.daily.map(Daily.init)) }
            filter = aggregate.filter
            legacySummary = aggregate.legacySummary
            cutoverScope = aggregate.cutoverScope
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(table, forKey: .table)
            try container.encode(measure, forKey: .measure)
            try container.encode(scope, forKey: .scope)
            try container.encode(tolerance, forKey: .tolerance)
            try container.encode(groups, forKey: .groups)
            try container.encode(daily, forKey: .daily)
            try container.encode(unit, forKey: .unit)
            try container.encode(dailyByUnit, forKey: .dailyByUnit)
            try container.encode(filter, forKey: .filter)
            try container.encode(legacySummary, forKey: .legacySummary)
            try container.encodeIfPresent(cutoverScope, forKey: .cutoverScope)
        }
    }

    struct UnitDaily: Encodable {
        let unit: String?
        let daily: [Daily]

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(unit, forKey: .unit)
            try container.encode(daily, forKey: .daily)
        }

        enum CodingKeys: String, CodingKey { case unit, daily }
    }

    struct Group: Encodable {
        let group: [String: String?]
        let legacy: String
        let new: String
        let difference: String
        let bridge: [String: String]
        let roundingExplained: String
        let unexplained: String
        let unexplainedByKind: [String: String]
        let daysWithDifferences: Int
        let withinTolerance: Bool

        enum CodingKeys: String, CodingKey {
            case group, legacy, new, difference, bridge, unexplained
            case roundingExplained = "rounding_explained", daysWithDifferences = "days_with_differences"
            case unexplainedByKind = "unexplained_by_kind"
            case withinTolerance = "within_tolerance"
        }

        init(_ group: MonthlyGroup) {
            self.group = Dictionary(group.group.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
            legacy = group.legacy
            new = group.new
            difference = group.difference
            bridge = Dictionary(group.bridge.map { ($0.kind.rawValue, $0.amount) }, uniquingKeysWith: { first, _ in first })
            roundingExplained = group.roundingExplained
            unexplained = group.unexplained
            unexplainedByKind = Dictionary(group.unexplainedByKind.map { ($0.kind.rawValue, $0.amount) }, uniquingKeysWith: { first, _ in first })
            daysWithDifferences = group.daysWithDifferences
            withinTolerance = group.withinTolerance
        }
    }

    struct Daily: Encodable {
        let label: String
        let explained: String
        let unexplained: String

        init(_ day: MonthlyAggregate.DailyDrift) {
            (label, explained, unexplained) = (day.label, day.explained, day.unexplained)
        }
    }

    struct Rounding: Encodable {
        let table: String
        let column: String
        let legacyMode: String
        let newMode: String
        let evidence: String

        enum CodingKeys: String, CodingKey {
            case table, column, evidence, legacyMode = "legacy_mode", newMode = "new_mode"
        }
    }

    /// A category; `column`, `disposition` and `note` are written as null when absent.
    struct Category: Encodable {
        let category: MonthlyReport.CategoryStatus

        enum CodingKeys: String, CodingKey {
            case table, column, kind, findings, disposition, note
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(category.table, forKey: .table)
            try container.encode(category.column, forKey: .column)
            try container.encode(category.kind, forKey: .kind)
            try container.encode(category.findings, forKey: .findings)
            try container.encode(category.disposition, forKey: .disposition)
            try container.encode(category.note, forKey: .note)
        }
    }

    struct Cycle: Encodable {
        let label: String
        let status: String
    }

    /// The sign-off; absent names and time are written as null.
    struct SignOff: Encodable {
        let signOff: MonthlyReport.SignOff

        enum CodingKeys: String, CodingKey {
            case preparedBy = "prepared_by", preparedAt = "prepared_at", reviewedBy = "reviewed_by"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(signOff.preparedBy, forKey: .preparedBy)
            try container.encode(signOff.preparedAt.map(StoreTime.iso), forKey: .preparedAt)
            try container.encode(signOff.reviewedBy, forKey: .reviewedBy)
        }
    }

    /// An open difference on a row the aggregate dates in the month.
    struct OpenDifference: Encodable {
        let line: MonthlyReport.OpenDifferenceLine

        enum CodingKeys: String, CodingKey {
            case aggregate, day, firstSeenCycle = "first_seen_cycle"
        }

        func encode(to encoder: any Encoder) throws {
            try ItemFields.encode(line.item, to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(line.aggregate, forKey: .aggregate)
            try container.encode(line.day, forKey: .day)
            try container.encode(line.firstSeen, forKey: .firstSeenCycle)
        }
    }

    let schema = "parity.monthly/1"
    let month: String
    let generatedAt: String
    let aggregates: [Aggregate]
    let rounding: [Rounding]
    let categories: [Category]
    let cycles: [Cycle]
    let signOff: SignOff
    let openDifferences: [OpenDifference]

    enum CodingKeys: String, CodingKey {
        case schema, month, aggregates, rounding, categories, cycles
        case generatedAt = "generated_at", signOff = "sign_off", openDifferences = "open_differences"
    }

    init(_ report: MonthlyReport) {
        month = report.month
        generatedAt = StoreTime.iso(report.generatedAt)
        aggregates = report.aggregates.map(Aggregate.init)
        rounding = report.rounding.map {
            Rounding(table: $0.table, column: $0.column, legacyMode: $0.legacyMode, newMode: $0.newMode, evidence: $0.evidence)
        }
        categories = report.categories.map(Category.init(category:))
        cycles = report.cycles.map { Cycle(label: $0.label, status: $0.status.rawValue) }
        signOff = SignOff(signOff: report.signOff)
        openDifferences = report.openDifferences.map(OpenDifference.init(line:))
    }
}
