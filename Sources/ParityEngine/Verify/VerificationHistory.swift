import Foundation
import ParityConfig
import ParityModel
import ParityStore
import Reconciliation
import SourceQueries

/// Records each `parity verify` run in the store, and reads the last ones for the gate and the end-of-day report.
public enum VerificationHistory {
    /// Records a `--sources` check with its rendered `parity.verify/1` document.
    public static func record(_ report: SourceVerification, document: String, store: any GateRecordStore) throws(EngineError) {
        try record(VerificationRecord(
            mode: .sources, checkedAt: StoreTime.micros(report.checkedAt), passed: report.drifts.isEmpty, problems: report.drifts.count,
            sources: SourceSide.allCases.filter { side in report.tables.contains { $0.side == side } }, report: document), store: store)
    }

    /// Records a `--state` check with its rendered `parity.verify/1` document.
    public static func record(_ report: StateVerification, document: String, store: any GateRecordStore) throws(EngineError) {
        try record(VerificationRecord(
            mode: .state, checkedAt: StoreTime.micros(report.checkedAt), passed: report.discrepancies.isEmpty,
            problems: report.discrepancies.count, sources: [], report: document), store: store)
    }

    private static func record(_ record: VerificationRecord, store: any GateRecordStore) throws(EngineError) {
        do {
            try store.recordVerification(record)
        } catch {
            throw EngineError.store(error, doing: "recording the verification", fix: "check the store (store.path or store.url) can be written")
        }
    }

    /// The last run of each mode and `verify.max_age`, for the gate and the end-of-day report.
    static func status(_ configuration: ParityConfiguration, store: any GateRecordStore) throws -> VerificationStatus {
        VerificationStatus(
            lastSources: try store.lastVerification(mode: .sources).map(run), lastState: try store.lastVerification(mode: .state).map(run),
            maxAge: configuration.verify.maxAge)
    }

    static func run(_ record: VerificationRecord) -> VerificationStatus.Run {
        VerificationStatus.Run(
            checkedAt: StoreTime.date(record.checkedAt), passed: record.passed, problems: record.problems, sources: record.sources)
    }
}
