import LogicalReplication
@testable import ReplicationStream
import Testing

@Suite("Replication session (pure)")
struct ReplicationSessionTests {
    private let start = ContinuousClock.now

    @Test("nothing is confirmed until the durable position is known to reach the server's resume point")
    func reportsNothingBeforeProgress() throws {
        var session = ReplicationSession(durable: LSN(0x100), statusInterval: .seconds(10), now: start)
        #expect(!session.isStatusDue(at: start + .seconds(9)))
        #expect(session.isStatusDue(at: start + .seconds(10)))
        #expect(session.statusUpdate(at: start, clientTime: PostgresTimestamp(microsecondsSince2000: 0)).flush == .invalid)

        guard case .keepalive(let keepalive, idle: true) = try session.received(Payload.keepalive(walEnd: 0x500, replyRequested: true)) else {
            Issue.record("expected an idle keepalive")
            return
        }
        #expect(keepalive.replyRequested)
        session.idle(through: keepalive.walEnd)
        let update = session.statusUpdate(at: start, clientTime: PostgresTimestamp(microsecondsSince2000: 0))
        #expect([update.write, update.flush, update.apply] == [LSN(0x500), LSN(0x500), LSN(0x500)])
        #expect(!session.isStatusDue(at: start + .seconds(9)))
    }

    @Test("a status update after an interval in which the server sent nothing asks for a reply; one after a message does not")
    func asksSilentServerForReply() throws {
        var session = ReplicationSession(durable: LSN(0x100), statusInterval: .seconds(10), now: start)
        let clock = PostgresTimestamp(microsecondsSince2000: 0)
        #expect(session.statusUpdate(at: start, clientTime: clock).replyRequested)
        _ = try session.received(Payload.keepalive(walEnd: 0x500, replyRequested: false))
        #expect(!session.statusUpdate(at: start + .seconds(10), clientTime: clock).replyRequested)
        #expect(session.statusUpdate(at: start + .seconds(20), clientTime: clock).replyRequested)
    }

    @Test("a transaction ending at or before the durable position is skipped; a later one is applied")
    func skipsAlreadyApplied() throws {
        var session = ReplicationSession(durable: LSN(0x300), statusInterval: .seconds(10), now: start)
        _ = try session.received(Payload.xLog(Payload.begin(finalLSN: 0x2F0, xid: 7), at: 0x200))
        #expect(try session.received(Payload.keepalive(walEnd: 0x400, replyRequested: false)).isBusyKeepalive)
        guard case .skipped(let old) = try session.received(Payload.xLog(Payload.commit(commitLSN: 0x2F0, endLSN: 0x300), at: 0x300)) else {
            Issue.record("expected the re-sent transaction to be skipped")
            return
        }
        #expect(old.xid == 7)
        #expect(session.reportablePosition == LSN(0x300))

        _ = try session.received(Payload.xLog(Payload.begin(finalLSN: 0x3F0, xid: 8), at: 0x310))
        guard case .apply(let new) = try session.received(Payload.xLog(Payload.commit(commitLSN: 0x3F0, endLSN: 0x420), at: 0x420)) else {
            Issue.record("expected the new transaction to be applied")
            return
        }
        session.applied(through: new.endLSN)
        #expect(session.durable == LSN(0x420))
        #expect(session.lastWalEnd == LSN(0x420))
    }

    @Test("malformed input is an error, never a crash")
    func malformedInput() {
        var session = ReplicationSession(durable: .invalid, statusInterval: .seconds(10), now: start)
        #expect(throws: PgOutputDecodingError.self) { try session.received([0x77, 1, 2]) }
        #expect(throws: TransactionAssemblyError.self) {
            try session.received(Payload.xLog(Payload.commit(commitLSN: 1, endLSN: 2), at: 2))
        }
    }
}

extension SessionAction {
    /// Whether this is a keepalive that arrived with a transaction open.
    fileprivate var isBusyKeepalive: Bool {
        if case .keepalive(_, idle: false) = self { true } else { false }
    }
}

/// Builds replication payloads byte by byte (big-endian), as a walsender sends them.
private enum Payload {
    static func keepalive(walEnd: UInt64, replyRequested: Bool) -> [UInt8] {
        [UInt8(ascii: "k")] + int64(walEnd) + int64(0) + [replyRequested ? 1 : 0]
    }

    static func xLog(_ message: [UInt8], at lsn: UInt64) -> [UInt8] {
        [UInt8(ascii: "w")] + int64(lsn) + int64(lsn) + int64(0) + message
    }

    static func begin(finalLSN: UInt64, xid: UInt32) -> [UInt8] {
        [UInt8(ascii: "B")] + int64(finalLSN) + int64(0) + int32(xid)
    }

    static func commit(commitLSN: UInt64, endLSN: UInt64) -> [UInt8] {
        [UInt8(ascii: "C"), 0] + int64(commitLSN) + int64(endLSN) + int64(0)
    }

    private static func int64(_ value: UInt64) -> [UInt8] {
        stride(from: 56, through: 0, by: -8).map { UInt8(truncatingIfNeeded: value >> UInt64($0)) }
    }

    private static func int32(_ value: UInt32) -> [UInt8] {
        stride(from: 24, through: 0, by: -8).map { UInt8(truncatingIfNeeded: value >> UInt32($0)) }
    }
}
