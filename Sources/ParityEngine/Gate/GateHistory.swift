import Foundation
import ParityConfig
import ParityModel
import ParityStore
import Reconciliation
import SourceQueries

/// Records gate evaluations in the store and reads them back for `parity gate --history`.
public enum GateHistory {
    /// Records `report` (its `parity.gate/1` JSON in `document`) as evaluated by `evaluatedBy`; returns its id.
    @discardableResult
    public static func record(
        _ report: GateReport, document: String, configuration: ParityConfiguration, store: any GateRecordStore, evaluatedBy: String = whoAmI()
    ) throws(EngineError) -> Int64 {
        let record = GateEvaluationRecord(
            evaluatedAt: StoreTime.micros(report.evaluatedAt), evaluatedBy: evaluatedBy, asOf: report.asOf.map(StoreTime.micros),
            firstCycle: report.window?.firstCycleID, lastCycle: report.window?.lastCycleID, cycles: configuration.gate.cycles,
            result: report.result.rawValue, exitCode: report.exitCode, configFile: configuration.file, configHash: report.configHash,
            report: document)
        do {
            return try store.recordGateEvaluation(record)
        } catch {
            throw EngineError.store(error, doing: "recording the gate evaluation", fix: "check the store (store.path or store.url) can be written")
        }
    }

    /// Past evaluations, oldest first (the last `limit` when given).
    public static func entries(store: any GateRecordStore, limit: Int? = nil) throws(EngineError) -> [GateHistoryEntry] {
        do {
            return try store.gateEvaluations(limit: limit).map { record in
                GateHistoryEntry(
                    id: record.id, evaluatedAt: StoreTime.date(record.evaluatedAt), evaluatedBy: record.evaluatedBy,
                    firstCycleID: record.firstCycle, lastCycleID: record.lastCycle, result: GateReport.Result(rawValue: record.result) ?? .notEvaluated,
                    exitCode: record.exitCode, configFile: record.configFile, configHash: record.configHash)
            }
        } catch {
            throw EngineError.store(error, doing: "reading the gate history", fix: "check the store (store.path or store.url) can be read")
        }
    }

    /// `user@host` of this process.
    public static func whoAmI() -> String {
        let user = ProcessInfo.processInfo.environment["USER"] ?? ProcessInfo.processInfo.userName
        return "\(user)@\(ProcessInfo.processInfo.hostName)"
    }
}
