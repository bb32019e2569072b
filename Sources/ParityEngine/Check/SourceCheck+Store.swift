import LogicalReplication
import ParityConfig
import ParityModel
import ParityStore
import Reconciliation
import SourceQueries

extension SourceCheck {
    /// Checks both sources and every mapping, and against an initialized store, that every configured mapping is initialized.
    public static func run(_ configuration: ParityConfiguration, store: any Store) throws -> CheckReport {
        var report = run(configuration)
        guard try !store.sourceRecords().isEmpty else { return report }
        let status = try MappingStatus(configuration: configuration, store: store)
        report.mappings += Preflight.storeChecks(uninitialized: status.uninitialized, unconfigured: status.unconfigured, configFile: configuration.file)
        for record in try store.sourceRecords() {
            guard let index = report.sources.firstIndex(where: { $0.side == record.side }),
                  let result = try slotCheck(configuration, record: record, store: store) else { continue }
            report.sources[index].results.append(result)
        }
        return report
    }

    /// `slot_health` of an initialized source: its slot still gives what the store needs. A lost slot is already failed
    /// by `replication_slots`; an unreachable source by `connect`.
    private static func slotCheck(_ configuration: ParityConfiguration, record: SourceRecord, store: any Store) throws -> CheckResult? {
        guard let server = try? SlotReader.read(configuration.sources[record.side], slot: record.slot) else { return nil }
        // The store's position read after the slot's: a running capture stores before it confirms.
        let checkpoint = LSN(try store.sourceRecord(side: record.side)?.checkpointLSN ?? record.checkpointLSN).description
        switch SlotProblem.of(server, storeCheckpoint: checkpoint) {
        case .lost:
            return nil
        case let problem?:
            return CheckResult(
                name: "slot_health", subject: nil, outcome: .fail, detail: problem.summary(slot: record.slot),
                fix: SlotProblem.rebaseline(configFile: configuration.file, storePath: configuration.store.described), blocks: .replication)
        case nil:
            return CheckResult(name: "slot_health", subject: nil, outcome: .pass,
                               detail: "slot \(record.slot) confirmed through \(server.confirmedFlushLSN ?? "none"), the store through \(checkpoint)",
                               blocks: .replication)
        }
    }
}
