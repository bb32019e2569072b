import LogicalReplication
import Testing

struct PgOutputDecoderTests {
    @Test func readsTheStreamedXIDOnlyInsideAStreamBlock() throws {
        var decoder = PgOutputDecoder()
        let insideInsert = Samples.insideStreamBlock[2]
        let plainInsert = PgOutputMessage.insert(InsertMessage(relationOID: Samples.accountsOID, newTuple: Samples.row("9", .null, .null)))
        #expect(try decoder.decode(PgOutputWriter.encode(plainInsert)) == plainInsert)
        #expect(!decoder.inStreamBlock)
        _ = try decoder.decode(PgOutputWriter.encode(Samples.streamControl[0]))
        #expect(decoder.inStreamBlock)
        #expect(try decoder.decode(PgOutputWriter.encode(insideInsert)) == insideInsert)
        _ = try decoder.decode(PgOutputWriter.encode(.streamStop(StreamStopMessage())))
        #expect(!decoder.inStreamBlock)
        #expect(try decoder.decode(PgOutputWriter.encode(plainInsert)) == plainInsert)
    }

    @Test func aFailedMessageLeavesTheStateAlone() throws {
        var decoder = PgOutputDecoder()
        _ = try decoder.decode(PgOutputWriter.encode(Samples.streamControl[0]))
        #expect(throws: PgOutputDecodingError.self) { try decoder.decode([UInt8(ascii: "E"), 1]) }
        #expect(decoder.inStreamBlock)
    }
}
