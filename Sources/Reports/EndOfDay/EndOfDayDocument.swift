import Foundation
import ParityModel
import Reconciliation

/// `parity.eod/1` (docs/json-schemas.md).
struct EndOfDayDocument: Encodable {
    struct Cycle: Encodable {
        let id: Int64
        let label: String
        let start: String
        let end: String
        let status: String
    }

    struct Table: Encodable {
        let name: String
        let compared: Int
        let matched: Int
        let findings: [String: Int]
        /// The cycle that first compared every row of the mapping.
        let comparedFrom: Int64?
        /// The cutover scope; left out for a table without one.
        let scope: EndOfDayScope.Document?

        enum CodingKeys: String, CodingKey {
            case name, compared, matched, findings, comparedFrom = "compared_from", scope
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(compared, forKey: .compared)
            try container.encode(matched, forKey: .matched)
            try container.encode(findings, forKey: .findings)
            try container.encode(comparedFrom, forKey: .comparedFrom)
            try container.encodeIfPresent(scope, forKey: .scope)
        }
    }

    /// A configured mapping the cycle did not compare.
    struct NotCompared: Encodable {
        let table: String
        let reason: String
        let detail: String
    }

    /// A finding; `column`, `legacy`, `new`, `disposition` and `attributed_to` are written as null when absent.
    struct FindingEntry: Encodable {
        let item: ParityModel.Finding

        enum CodingKeys: String, CodingKey {
            case attributedTo = "attributed_to", explanation
        }

        func encode(to encoder: any Encoder) throws {
            try ItemFields.encode(item, to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(item.attributedTo, forKey: .attributedTo)
            try container.encodeIfPresent(item.explanation, forKey: .explanation)
        }
    }

    struct Carried: Encodable {
        let table: String
        let key: String
    }

    struct Category: Encodable {
        let category: EndOfDayReport.Category

        enum CodingKeys: String, CodingKey {
            case table, column, kind, disposition, count, sampleKeys = "sample_keys"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(category.table, forKey: .table)
            try container.encode(category.column, forKey: .column)
            try container.encode(category.kind, forKey: .kind)
            try container.encode(category.disposition, forKey: .disposition)
            try container.encode(category.count, forKey: .count)
            try container.encode(category.sampleKeys, forKey: .sampleKeys)
        }
    }

    struct Source: Encodable {
        let side: String
        let durableLSN: String
        let watermark: String
        let lastError: String?

        enum CodingKeys: String, CodingKey {
            case side, durableLSN = "durable_lsn", watermark, lastError = "last_error"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(side, forKey: .side)
            try container.encode(durableLSN, forKey: .durableLSN)
            try container.encode(watermark, forKey: .watermark)
            try container.encode(lastError, forKey: .lastError)
        }
    }

    struct Stale: Encodable {
        let rule: EndOfDayReport.StaleDisposition

        enum CodingKeys: String, CodingKey {
            case table, column, kind, disposition, owner, note
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(rule.table, forKey: .table)
            try container.encode(rule.column, forKey: .column)
            try container.encode(rule.kind, forKey: .kind)
            try container.encode(rule.disposition, forKey: .disposition)
            try container.encode(rule.owner, forKey: .owner)
            try container.encode(rule.note, forKey: .note)
        }
    }

    /// An aggregate group: amounts are exact decimal text; `bridge` maps a finding kind to the amount it explains.
    struct Aggregate: Encodable {
        let line: EndOfDayReport.AggregateLine

        enum CodingKeys: String, CodingKey {
            case name, period, group, legacy, new, difference, bridge, roundingExplained = "rounding_explained", unexplained
            case withinTolerance = "within_tolerance"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            let result = line.result
            try container.encode(result.aggregate, forKey: .name)
            try container.encode(result.period.isEmpty ? nil : result.period, forKey: .period)
            try container.encode(Dictionary(zip(line.groupColumns, line.groupValues), uniquingKeysWith: { a, _ in a }), forKey: .group)
            try container.encode(result.legacy?.description, forKey: .legacy)
            try container.encode(result.new?.description, forKey: .new)
            try container.encode(result.difference.description, forKey: .difference)
            try container.encode(Dictionary(uniqueKeysWithValues: result.bridge.map { ($0.key.rawValue, $0.value.description) }), forKey: .bridge)
            try container.encode(result.roundingExplained.description, forKey: .roundingExplained)
            try container.encode(result.unexplained.description, forKey: .unexplained)
            try container.encode(result.withinTolerance, forKey: .withinTolerance)
        }
    }

    struct Rounding: Encodable {
        let table: String
        let column: String
        let side: String
        let mode: String
        let evidence: String
    }

    /// A co-write analysis line; `trigger`, `transactions_seen` and `rows` are null when absent.
    struct HiddenState: Encodable {
        let line: HiddenStateLine

        enum CodingKeys: String, CodingKey {
            case kind, table, trigger, functions, transactions, transactionsSeen = "transactions_seen", rows, mapped, documented, message
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(line.kind.rawValue, forKey: .kind)
            try container.encode(line.table, forKey: .table)
            try container.encode(line.trigger, forKey: .trigger)
            try container.encode(line.functions, forKey: .functions)
            try container.encode(line.transactions, forKey: .transactions)
            try container.encode(line.transactionsSeen, forKey: .transactionsSeen)
            try container.encode(line.rows, forKey: .rows)
            try container.encode(line.mapped, forKey: .mapped)
            try container.encode(line.documented, forKey: .documented)
            try container.encode(line.message, forKey: .message)
        }
    }

    struct InventoryChange: Encodable {
        let change: String
        let kind: String
        let name: String
        let table: String?
        let documented: Bool
        let detail: String

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(change, forKey: .change)
            try container.encode(kind, forKey: .kind)
            try container.encode(name, forKey: .name)
            try container.encode(table, forKey: .table)
            try container.encode(documented, forKey: .documented)
            try container.encode(detail, forKey: .detail)
        }

        enum CodingKeys: String, CodingKey {
            case change, kind, name, table, documented, detail
        }
    }

    struct Unmapped: Encodable {
        let table: String
        let legacy: [String]
        let new: [String]
    }

    /// The "who still uses legacy" section: the census of the cycle's window.
    struct LegacyClients: Encodable {
        struct Client: Encodable {
            let applicationName: String
            let role: String
            let database: String
            let clientAddress: String
            let backendType: String
            let kinds: [String]
            let samples: Int
            let firstSeen: String
            let lastSeen: String
            let new: Bool

            enum CodingKeys: String, CodingKey {
                case applicationName = "application_name", role, database, clientAddress = "client_address", backendType = "backend_type"
                case kinds, samples, firstSeen = "first_seen", lastSeen = "last_seen", new
            }
        }

        let samples: Int
        let note: String?
        let clients: [Client]

        init(_ section: EndOfDayReport.LegacyClients) {
            samples = section.samples
            note = section.note
            clients = section.lines.map { line in
                let identity = line.client.identity
                return Client(
                    applicationName: identity.applicationName, role: identity.role, database: identity.database,
                    clientAddress: identity.clientAddress, backendType: identity.backendType, kinds: line.client.kinds.map(\.rawValue),
                    samples: line.client.samples, firstSeen: StoreTime.iso(line.client.firstSeen), lastSeen: StoreTime.iso(line.client.lastSeen),
                    new: line.isNew)
            }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(samples, forKey: .samples)
            try container.encode(note, forKey: .note)
            try container.encode(clients, forKey: .clients)
        }

        enum CodingKeys: String, CodingKey {
            case samples, note, clients
        }
    }

    /// The open-differences ledger as of the cycle: totals and one entry per category.
    struct OpenDifferences: Encodable {
        struct Category: Encodable {
            let category: EndOfDayReport.OpenDifferences.Category

            enum CodingKeys: String, CodingKey {
                case table, column, kind, disposition, open, new, resolved, oldestFirstSeenCycle = "oldest_first_seen_cycle"
                case oldestAgeSeconds = "oldest_age_seconds", sampleKeys = "sample_keys"
            }

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(category.table, forKey: .table)
                try container.encode(category.column, forKey: .column)
                try container.encode(category.kind, forKey: .kind)
                try container.encode(category.disposition, forKey: .disposition)
                try container.encode(category.open, forKey: .open)
                try container.encode(category.new, forKey: .new)
                try container.encode(category.resolved, forKey: .resolved)
                try container.encode(category.oldestFirstSeen, forKey: .oldestFirstSeenCycle)
                try container.encode(category.oldestAgeSeconds, forKey: .oldestAgeSeconds)
                try container.encode(category.sampleKeys, forKey: .sampleKeys)
            }
        }

        let open: Int
        let new: Int
        let resolved: Int
        let categories: [Category]

        init(_ section: EndOfDayReport.OpenDifferences) {
            open = section.open
            new = section.new
            resolved = section.resolved
            categories = section.categories.map(Category.init(category:))
        }
    }

    /// The last `parity verify` runs: `sources` and `state` are null until one is recorded.
    struct Verification: Encodable {
        struct Run: Encodable {
            let checkedAt: String
            let result: String
            let problems: Int
            let sources: [SourceSide]

            enum CodingKeys: String, CodingKey {
                case checkedAt = "checked_at", result, problems, sources
            }

            init(_ run: VerificationStatus.Run) {
                checkedAt = StoreTime.iso(run.checkedAt)
                result = run.passed ? "pass" : "fail"
                problems = run.problems
                sources = run.sources
            }
        }

        let sources: Run?
        let state: Run?
        let maxAgeSeconds: Int64

        enum CodingKeys: String, CodingKey {
            case sources, state, maxAgeSeconds = "max_age_seconds"
        }

        init(_ status: VerificationStatus) {
            sources = status.lastSources.map(Run.init)
            state = status.lastState.map(Run.init)
            maxAgeSeconds = status.maxAge.components.seconds
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(sources, forKey: .sources)
            try container.encode(state, forKey: .state)
            try container.encode(maxAgeSeconds, forKey: .maxAgeSeconds)
        }
    }

    let schema = "parity.eod/1"
    let cycle: Cycle
    let tables: [Table]
    let findings: [FindingEntry]
    let findingsTotal: Int
    let hiddenState: [HiddenState]
    let inventoryChanges: [InventoryChange]
    let inventoryTaken: Bool
    let unexplainedRate: String
    let carriedKeys: [Carried]
    let categories: [Category]
    let capture: [Source]
    let staleDispositions: [Stale]
    let unmappedColumns: [Unmapped]
    let aggregates: [Aggregate]
    let rounding: [Rounding]
    let legacyClients: LegacyClients?
    let openDifferences: OpenDifferences?
    let verification: Verification?
    let notCompared: [NotCompared]
    let columnStatistics: [ColumnStatisticsEntry]
    let noiseSuggestions: [Noise]
    let contracts: ContractsStatusDocument?
    let decisions: [VerdictDocument]

    enum CodingKeys: String, CodingKey {
        case schema, cycle, tables, findings, findingsTotal = "findings_total", hiddenState = "hidden_state"
        case unexplainedRate = "unexplained_rate", carriedKeys = "carried_keys", categories, capture
        case staleDispositions = "stale_dispositions", unmappedColumns = "unmapped_columns", aggregates, rounding
        case inventoryChanges = "inventory_changes", inventoryTaken = "inventory_taken"
        case legacyClients = "legacy_clients", openDifferences = "open_differences", verification, notCompared = "not_compared"
        case columnStatistics = "column_statistics", noiseSuggestions = "noise_suggestions"
        case contracts
        case decisions
    }

    init(_ report: EndOfDayReport) {
        cycle = Cycle(
            id: report.id, label: report.label, start: StoreTime.iso(report.start), end: StoreTime.iso(report.end),
            status: report.status.rawValue)
        tables = report.tables.map {
            Table(name: $0.name, compared: $0.compared, matched: $0.matched, findings: $0.findings, comparedFrom: $0.comparedFrom,
                  scope: $0.scope.map(EndOfDayScope.Document.init))
        }
        notCompared = report.notCompared.map { NotCompared(table: $0.table, reason: $0.reason.rawValue, detail: $0.detail) }
        findings = report.findings.map(FindingEntry.init(item:))
        findingsTotal = report.findingsTotal
        unexplainedRate = report.unexplainedRate
        carriedKeys = report.carriedKeys.map { Carried(table: $0.mapping, key: $0.canonicalKey.rawValue) }
        categories = report.categories.map(Category.init(category:))
        capture = report.capture.map {
            Source(side: $0.side.rawValue, durableLSN: $0.durableLSN, watermark: StoreTime.iso($0.watermark), lastError: $0.lastError)
        }
        staleDispositions = report.staleDispositions.map(Stale.init(rule:))
        unmappedColumns = report.unmappedColumns.map { Unmapped(table: $0.table, legacy: $0.legacy, new: $0.new) }
        aggregates = report.aggregates.map(Aggregate.init(line:))
        hiddenState = report.hiddenState.map(HiddenState.init(line:))
        inventoryChanges = report.inventoryChanges.map {
            InventoryChange(change: $0.change.rawValue, kind: $0.kind.rawValue, name: $0.name, table: $0.table, documented: $0.documented, detail: $0.detail)
        }
        inventoryTaken = report.inventoryTaken
        legacyClients = report.legacyClients.map(LegacyClients.init)
        openDifferences = report.openDifferences.map(OpenDifferences.init)
        verification = report.verification.map(Verification.init)
        columnStatistics = report.columnStatistics.map(ColumnStatisticsEntry.init(line:))
        noiseSuggestions = report.noiseSuggestions.map(Noise.init(suggestion:))
        contracts = report.contracts.map(ContractsStatusDocument.init)
        rounding = report.rounding.map { Rounding(table: $0.table, column: $0.column, side: $0.side.rawValue, mode: $0.mode, evidence: $0.evidence) }
        decisions = report.decisions.map(VerdictDocument.init)
    }
}
