import LogicalReplication
import ParityConfig
import ParityStore
import PostgresClient
import Reconciliation

/// `parity check`: connects to each source read-only and judges whether Parity can run on it.
public enum SourceCheck {
    /// Checks both sources and every mapping; never throws (an unreachable source is a FAIL).
    public static func run(_ configuration: ParityConfiguration) -> CheckReport {
        var sources: [CheckReport.Source] = []
        var facts: [SourceSide: SourceFacts] = [:]
        for side in SourceSide.allCases {
            let source = side == .legacy ? configuration.sources.legacy : configuration.sources.new
            let tables = configuration.tables.map { side == .legacy ? $0.legacy : $0.new }
            do {
                let connection = try PostgresConnection.connect(ConnectionOptions(source: source))
                defer { connection.close() }
                let found = try SourceInspector(connection: connection, source: source).facts(tables: tables)
                facts[side] = found
                sources.append(.init(
                    side: side, target: connection.target,
                    results: Preflight.sourceChecks(found, side: side, configuration: configuration)))
            } catch {
                let result = switch error.code {
                case .invalidConnectionString: Preflight.misconfigured(side, error: error.description, key: "dsn")
                case .unreadablePasswordFile: Preflight.misconfigured(side, error: error.description, key: "password_file")
                default: Preflight.unreachable(side, error: error.description)
                }
                sources.append(.init(side: side, target: error.target, results: [result]))
            }
        }
        let mappings = Preflight.mappingChecks(configuration.tables, legacy: facts[.legacy], new: facts[.new])
            + Preflight.semanticChecks(configuration)
        return CheckReport(configurationFile: configuration.file, sources: sources, mappings: mappings)
    }

    /// Checks both sources and every mapping, and against an initialized store, that every configured mapping is initialized.
    public static func run(_ configuration: ParityConfiguration, store: ParityStore) throws -> CheckReport {
        var report = run(configuration)
        guard try !store.sourceRecords().isEmpty else { return report }
        let status = try MappingStatus(configuration: configuration, store: store)
        report.mappings += Preflight.storeChecks(uninitialized: status.uninitialized, unconfigured: status.unconfigured, configFile: configuration.file)
        for record in try store.sourceRecords() {
            guard let side = SourceSide(rawValue: record.side), let index = report.sources.firstIndex(where: { $0.side == side }),
                  let result = try slotCheck(configuration, record: record, store: store) else { continue }
            report.sources[index].results.append(result)
        }
        return report
    }

    /// `slot_health` of an initialized source: its slot still gives what the store needs. A lost slot is already failed
    /// by `replication_slots`; an unreachable source by `connect`.
    private static func slotCheck(_ configuration: ParityConfiguration, record: SourceRecord, store: ParityStore) throws -> CheckResult? {
        guard let side = SourceSide(rawValue: record.side),
              let server = try? SlotReader.read(configuration.sources[side], slot: record.slot) else { return nil }
        // The store's position read after the slot's: a running capture stores before it confirms.
        let checkpoint = LSN(try store.sourceRecord(side: record.side)?.checkpointLSN ?? record.checkpointLSN).description
        switch SlotProblem.of(server, storeCheckpoint: checkpoint) {
        case .lost:
            return nil
        case let problem?:
            return CheckResult(
                name: "slot_health", subject: nil, outcome: .fail, detail: problem.summary(slot: record.slot),
                fix: SlotProblem.rebaseline(configFile: configuration.file, storePath: configuration.store.path), blocks: .replication)
        case nil:
            return CheckResult(name: "slot_health", subject: nil, outcome: .pass,
                               detail: "slot \(record.slot) confirmed through \(server.confirmedFlushLSN ?? "none"), the store through \(checkpoint)",
                               blocks: .replication)
        }
    }
}
