import LogicalReplication
import Testing

struct PgOutputMessageRoundTripTests {
    @Test(arguments: Samples.protocol1)
    func roundTripsProtocol1(_ message: PgOutputMessage) throws {
        let bytes = PgOutputWriter.encode(message)
        #expect(try PgOutputMessage.decode(from: bytes, inStreamBlock: false) == message)
    }

    @Test(arguments: Samples.streamControl)
    func roundTripsStreamControl(_ message: PgOutputMessage) throws {
        let bytes = PgOutputWriter.encode(message)
        #expect(try PgOutputMessage.decode(from: bytes, inStreamBlock: false) == message)
    }

    @Test(arguments: Samples.insideStreamBlock)
    func roundTripsProtocol2InsideStreamBlock(_ message: PgOutputMessage) throws {
        let bytes = PgOutputWriter.encode(message)
        #expect(try PgOutputMessage.decode(from: bytes, inStreamBlock: true) == message)
    }

    @Test func idsAreTheWireBytes() {
        let letters = "BCORYIUDTMSEcA".unicodeScalars.map { UInt8(ascii: $0) }
        let ids: [PgOutputMessage.ID] = [.begin, .commit, .origin, .relation, .type, .insert, .update, .delete, .truncate,
                                         .message, .streamStart, .streamStop, .streamCommit, .streamAbort]
        #expect(ids.map(\.rawValue) == letters)
        for message in Samples.protocol1 + Samples.streamControl {
            #expect(PgOutputWriter.encode(message).first == message.id.rawValue)
        }
    }

    @Test func exposesDerivedFields() throws {
        let relation = Samples.accounts
        #expect(relation.columns.map(\.isKey) == [true, false, false])
        let message = LogicalMessage(flags: 1, lsn: .invalid, prefix: "p", content: "é")
        #expect(message.isTransactional)
        #expect(message.content.string == "é")
        #expect(message.content.count == 2)
        #expect(ColumnBytes([0xFF]).string == nil)
        #expect(ColumnValue.text("x").text == "x")
        #expect(ColumnValue.binary("x").text == nil)
        #expect(ColumnValue.unchanged != ColumnValue.null)
        #expect(StreamAbortMessage(xid: 5, subtransactionXID: 5).abortsWholeTransaction)
        #expect(!StreamAbortMessage(xid: 5, subtransactionXID: 6).abortsWholeTransaction)
        #expect(OldTuple.full(Samples.row("1", .null, .null)).tuple.columns.count == 3)
    }

    @Test func textValuesAreSlicesOfThePayload() throws {
        let bytes = PgOutputWriter.encode(.insert(InsertMessage(relationOID: 1, newTuple: TupleData(columns: [.text("abc")]))))
        guard case .insert(let insert) = try PgOutputMessage.decode(from: bytes, inStreamBlock: false),
              case .text(let value) = insert.newTuple.columns.first else {
            Issue.record("not an insert with a text column"); return
        }
        #expect(value.bytes.startIndex == bytes.count - 3)
        #expect(value.string == "abc")
        #expect(value.description == "3 bytes")
    }
}
