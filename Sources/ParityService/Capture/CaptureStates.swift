import ParityEngine
import ParityModel
import ReplicationStream
import Synchronization

/// The capture sessions running in this process, by source: `parity run`'s one session for both sources, or a worker's
/// session for each source whose capture lock it holds. Readiness and `/metrics` read their streams' states.
public final class CaptureStates: Sendable {
    private let sessions = Mutex<[SourceSide: CaptureSession]>([:])

    /// No capture running here yet (a worker's, before it takes a capture lock).
    public init() {}

    /// The captures of `session`'s sources.
    init(_ session: CaptureSession) {
        attach(session)
    }

    /// Records that `session` captures its sources in this process.
    func attach(_ session: CaptureSession) {
        sessions.withLock { sessions in
            for (side, _) in session.states { sessions[side] = session }
        }
    }

    /// Records that `session` has stopped.
    func detach(_ session: CaptureSession) {
        sessions.withLock { sessions in
            sessions = sessions.filter { $0.value !== session }
        }
    }

    /// The stream of each source captured here, in source order.
    var states: [(side: SourceSide, state: ReplicationStreamState)] {
        let sessions = sessions.withLock { $0 }
        return SourceSide.allCases.compactMap { side in sessions[side]?.states.first { $0.side == side } }
    }
}
