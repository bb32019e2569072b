import Foundation
import ParityConfig
import ParityStore
import Reconciliation

/// Capture health at evaluation, from `parity status`'s live slot query on each source: a source that cannot be
/// queried has no health (unreachable); lag is the age of the source's watermark (how far "complete through" trails now).
enum GateCaptureHealth {
    static func sources(_ configuration: ParityConfiguration, store: any CaptureStore, now: Date) throws(StoreError) -> [GateInput.SourceCapture] {
        try CaptureStatus.gather(configuration, store: store).map { status in
            GateInput.SourceCapture(source: status.side, health: status.server.map { server in
                GateInput.SourceCapture.Health(
                    slotPresent: server.exists, slotLost: server.walStatus == "lost",
                    slotRecreated: status.slotProblem.map { if case .recreated = $0 { true } else { false } } ?? false,
                    lagSeconds: server.exists ? status.lagSeconds(now: now) : nil)
            })
        }
    }
}
