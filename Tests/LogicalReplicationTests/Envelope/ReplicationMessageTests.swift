import Foundation
import LogicalReplication
import Testing

struct ReplicationMessageTests {
    @Test func decodesXLogData() throws {
        let inner = PgOutputWriter.encode(.streamStop(StreamStopMessage()))
        let payload = PgOutputWriter.xLogData(dataStart: LSN(0x10), walEnd: LSN(0x20), sendTime: Samples.time, inner)
        guard case .xLogData(let data) = try ReplicationMessage.decode(from: payload) else {
            Issue.record("not XLogData"); return
        }
        #expect(data.dataStart == LSN(0x10))
        #expect(data.walEnd == LSN(0x20))
        #expect(data.sendTime == Samples.time)
        #expect(Array(data.data) == inner)
    }

    @Test func decodesKeepalive() throws {
        let payload = PgOutputWriter.keepalive(walEnd: LSN(0x3C5F4300), serverTime: Samples.time, replyRequested: 1)
        #expect(try ReplicationMessage.decode(from: payload)
            == .primaryKeepalive(PrimaryKeepalive(walEnd: LSN(0x3C5F4300), serverTime: Samples.time, replyRequested: true)))
    }

    @Test func rejectsMalformedEnvelopes() {
        #expect(throws: PgOutputDecodingError(code: .emptyPayload, messageID: nil, offset: 0, expected: "a replication message type byte")) {
            try ReplicationMessage.decode(from: [])
        }
        let unknown = #expect(throws: PgOutputDecodingError.self) { try ReplicationMessage.decode(from: [UInt8(ascii: "x")]) }
        #expect(unknown?.code == .unknownMessageID && unknown?.offset == 0)
        let keepalive = PgOutputWriter.keepalive(walEnd: .invalid, serverTime: Samples.time, replyRequested: 0)
        let short = #expect(throws: PgOutputDecodingError.self) { try ReplicationMessage.decode(from: Array(keepalive.dropLast())) }
        #expect(short?.code == .truncated && short?.messageID == UInt8(ascii: "k") && short?.offset == 17)
        let long = #expect(throws: PgOutputDecodingError.self) { try ReplicationMessage.decode(from: keepalive + [0]) }
        #expect(long?.code == .leftoverBytes && long?.offset == 18)
        let badFlag = #expect(throws: PgOutputDecodingError.self) {
            try ReplicationMessage.decode(from: PgOutputWriter.keepalive(walEnd: .invalid, serverTime: Samples.time, replyRequested: 7))
        }
        #expect(badFlag?.code == .unexpectedByte && badFlag?.offset == 17)
        let header = #expect(throws: PgOutputDecodingError.self) {
            try ReplicationMessage.decode(from: Array(PgOutputWriter.xLogData(dataStart: .invalid, walEnd: .invalid, sendTime: Samples.time, []).prefix(20)))
        }
        #expect(header?.code == .truncated && header?.messageID == UInt8(ascii: "w") && header?.offset == 17)
    }

    @Test func encodesStandbyStatusUpdate() {
        let update = StandbyStatusUpdate(
            write: LSN(0x0102030405060708), flush: LSN(0x1989D78), apply: .invalid,
            clientTime: PostgresTimestamp(microsecondsSince2000: -2), replyRequested: true
        )
        let bytes = update.encoded()
        #expect(bytes.count == 34)
        #expect(bytes == [0x72, 1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0, 0, 0x01, 0x98, 0x9D, 0x78, 0, 0, 0, 0, 0, 0, 0, 0]
            + [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE, 1])
    }

    @Test func convertsTimestamps() {
        let epoch = PostgresTimestamp(microsecondsSince2000: 0)
        #expect(epoch.unixMicroseconds == 946_684_800_000_000)
        #expect(epoch.unixSeconds == 946_684_800)
        #expect(PostgresTimestamp(unixMicroseconds: 946_684_800_000_001) == PostgresTimestamp(microsecondsSince2000: 1))
        #expect(PostgresTimestamp(microsecondsSince2000: .max).unixMicroseconds == .max)
        #expect(PostgresTimestamp(unixMicroseconds: .min).microsecondsSince2000 == .min)
        #expect(epoch.date == Date(timeIntervalSince1970: 946_684_800))
        #expect(PostgresTimestamp(Date(timeIntervalSince1970: 946_684_801.5)) == PostgresTimestamp(microsecondsSince2000: 1_500_000))
    }
}
