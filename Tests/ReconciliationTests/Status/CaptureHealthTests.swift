import Foundation
import ParityModel
import Testing
@testable import Reconciliation

@Suite("A slot's problems and parity status's verdict")
struct CaptureHealthTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func source(_ side: SourceSide, lagSeconds: Int = 5, checkpoint: String = "0/5000000", server: ServerSlotStatus?) -> SourceStatus {
        SourceStatus(
            side: side, slot: "parity_\(side)", checkpointLSN: checkpoint,
            watermark: Int64(now.timeIntervalSince1970 - Double(lagSeconds)) * 1_000_000, lastCommitTime: nil, lastMessageAt: nil,
            lastError: nil, server: server, serverError: server == nil ? "connection refused" : nil)
    }

    func slot(exists: Bool = true, walStatus: String? = "reserved", confirmed: String? = "0/5000000") -> ServerSlotStatus {
        ServerSlotStatus(exists: exists, active: true, walStatus: walStatus, confirmedFlushLSN: confirmed, lagBytes: 0, retainedBytes: 0)
    }

    @Test("missing, lost, and confirmed past the store (recreated); a slot behind the store is fine")
    func problems() {
        #expect(SlotProblem.of(slot(exists: false), storeCheckpoint: "0/5000000") == .missing)
        #expect(SlotProblem.of(slot(walStatus: "lost"), storeCheckpoint: "0/5000000") == .lost)
        #expect(SlotProblem.of(slot(confirmed: "1/0"), storeCheckpoint: "0/FFFFFFFF") == .recreated(confirmed: "1/0", stored: "0/FFFFFFFF"))
        #expect(SlotProblem.of(slot(confirmed: "0/4000000"), storeCheckpoint: "0/5000000") == nil)
        #expect(SlotProblem.of(slot(confirmed: "0/5000000"), storeCheckpoint: "0/5000000") == nil)
        #expect(SlotProblem.lsn("16/B374D848") == 0x16_B374_D848)
        #expect(SlotProblem.lsn("16") == nil && SlotProblem.lsn("x/1") == nil)
        #expect(SlotProblem.lost.summary(slot: "parity_legacy").contains("wal_status = lost"))
        #expect(SlotProblem.rebaseline(configFile: "p.yaml", storePath: "/var/lib/parity/parity.sqlite")
            == "take a new baseline: stop capture (and the service), parity teardown --config p.yaml, "
            + "move /var/lib/parity/parity.sqlite aside, parity init --config p.yaml")
    }

    @Test("healthy 0; lag over the limit or a slot not reserved 1; unreachable, a slot problem or nothing initialized 3")
    func verdicts() {
        let limit = Duration.seconds(300)
        let healthy = CaptureHealth.judge([source(.legacy, server: slot()), source(.new, server: slot())], maxLag: limit, now: now)
        #expect(healthy == CaptureHealth(level: .healthy, reasons: []))
        let lagging = CaptureHealth.judge(
            [source(.legacy, lagSeconds: 540, server: slot()), source(.new, server: slot(walStatus: "extended"))], maxLag: limit, now: now)
        #expect(lagging.level == .degraded)
        #expect(lagging.reasons == ["legacy: lag 9m 0s is over 5m 0s", "new: slot wal_status is extended: its WAL is no longer fully reserved"])
        let lost = CaptureHealth.judge([source(.legacy, server: slot(walStatus: "lost")), source(.new, server: nil)], maxLag: limit, now: now)
        #expect(lost.level == .failed && lost.reasons.count == 2)
        #expect(lost.reasons[1] == "new: the source cannot be reached (connection refused)")
        #expect(CaptureHealth.judge([], maxLag: limit, now: now).level == .failed)
    }

    @Test("durations and sizes for people")
    func humanized() {
        #expect(Humanized.amount("1284310.55") == "1,284,310.55" && Humanized.amount("-1000") == "-1,000")
        #expect(Humanized.amount("999.999") == "999.999" && Humanized.amount("0.00") == "0.00" && Humanized.amount("+123456") == "+123,456")
        #expect(Humanized.amount("—") == "—" && Humanized.amount("NaN") == "NaN" && Humanized.amount("1e5") == "1e5")
        #expect(Humanized.words("missing_in_new") == "missing in new")
        #expect(Humanized.duration(seconds: 42) == "42s")
        #expect(Humanized.duration(seconds: 1023) == "17m 3s")
        #expect(Humanized.duration(seconds: 7200) == "2h 0m")
        #expect(Humanized.duration(seconds: 3 * 86_400 + 4 * 3600 + 5) == "3d 4h")
        #expect(Humanized.bytes( 512) == "512 B")
        #expect(Humanized.bytes( 1536) == "1.5 KiB")
        #expect(Humanized.bytes( 3_435_973_837) == "3.2 GiB")
    }
}
