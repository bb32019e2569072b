import LogicalReplication
import ParityConfig
import ParityModel
import ParityStore
import Reconciliation
import SourceQueries

/// `parity status`: each source's durable position and watermark from the store, and its slot
/// as the server sees it (when reachable).
public enum CaptureStatus {
    public static func gather(_ configuration: ParityConfiguration, store: any CaptureStore) throws(StoreError) -> [SourceStatus] {
        try store.sourceRecords().map { record throws(StoreError) in
            var status = SourceStatus(
                side: record.side, slot: record.slot, checkpointLSN: LSN(record.checkpointLSN).description,
                watermark: record.watermark, lastCommitTime: record.lastCommitTime, lastMessageAt: record.lastMessageAt,
                lastError: record.lastError, server: nil, serverError: nil)
            do {
                status.server = try SlotReader.read(configuration.sources[record.side], slot: record.slot)
            } catch {
                status.serverError = "\(error)"
            }
            // The store's position read after the slot's: a running capture stores before it confirms, so a slot confirmed
            // past this position was not confirmed by it (``SlotProblem/recreated(confirmed:stored:)``).
            if let later = try store.sourceRecord(side: record.side) { status.checkpointLSN = LSN(later.checkpointLSN).description }
            return status
        }
    }
}
