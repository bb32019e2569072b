import Foundation
import LogicalReplication
import ParityConfig
@testable import ParityService
import ReplicationStream
import Testing

@Suite("Readiness and the scheduler's pace")
struct ReadinessTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func state(_ status: ReplicationStreamState.Status, messageAgo seconds: TimeInterval?) -> ReplicationStreamState {
        var state = ReplicationStreamState(durableLSN: LSN(0x100))
        state.status = status
        state.lastMessageTime = seconds.map { now.addingTimeInterval(-$0) }
        return state
    }

    @Test("ready only when both sources stream with a recent message and the store is writable; problems name the source")
    func readiness() {
        let ready = Readiness(states: [(.legacy, state(.streaming, messageAgo: 2)), (.new, state(.streaming, messageAgo: 30))], storeWritable: true, now: now)
        #expect(ready.ready && ready.problems.isEmpty)
        let reconnecting = Readiness(states: [(.legacy, state(.streaming, messageAgo: 2)), (.new, state(.reconnecting, messageAgo: 5))], storeWritable: true, now: now)
        #expect(!reconnecting.ready && reconnecting.problems == ["new: reconnecting"])
        let stale = Readiness(states: [(.legacy, state(.streaming, messageAgo: 300)), (.new, state(.connecting, messageAgo: nil))], storeWritable: false, now: now)
        #expect(stale.problems == ["legacy: no message for over 90s", "new: connecting", "store: not writable"])
        let failed = Readiness(states: [(.legacy, state(.failed("slot missing"), messageAgo: 1))], storeWritable: true, now: now)
        #expect(failed.problems == ["legacy: failed"])
    }

    @Test("a worker's readiness: a source another process captures is ready while its capture stores messages")
    func otherProcess() {
        let ready = Readiness(
            states: [(.new, state(.streaming, messageAgo: 2))], elsewhere: [(.legacy, now.addingTimeInterval(-20))], storeWritable: true, now: now)
        #expect(ready.ready && ready.sources.map(\.source) == ["legacy", "new"])
        #expect(ready.sources[0].status == "other_process" && ready.sources[0].lastMessageAgeSeconds == 20)
        let stale = Readiness(
            states: [], elsewhere: [(.legacy, now.addingTimeInterval(-300)), (.new, nil)], storeWritable: true, now: now)
        #expect(!stale.ready)
        #expect(stale.problems == [
            "legacy: no capture stored a message for over 90s (no worker captures it?)",
            "new: no capture stored a message for over 90s (no worker captures it?)",
        ])
    }

    @Test("due cycles are looked for every settle, kept between 1 and 5 seconds")
    func schedulerInterval() {
        #expect(CycleScheduler.interval(CycleConfiguration(settle: .zero)) == .seconds(1))
        #expect(CycleScheduler.interval(CycleConfiguration(settle: .seconds(3))) == .seconds(3))
        #expect(CycleScheduler.interval(CycleConfiguration(settle: .seconds(300))) == .seconds(5))
    }
}
