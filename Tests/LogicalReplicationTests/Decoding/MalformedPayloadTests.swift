import LogicalReplication
import Testing

/// One malformed payload and the error it must produce.
struct MalformedCase: Sendable, CustomTestStringConvertible {
    let name: String
    let bytes: [UInt8]
    var inStreamBlock = false
    let code: PgOutputDecodingError.Code
    let offset: Int
    var testDescription: String { name }
}

private func bytes(_ build: (inout PgOutputWriter) -> Void) -> [UInt8] {
    var writer = PgOutputWriter()
    build(&writer)
    return writer.bytes
}

private let begin = PgOutputWriter.encode(Samples.protocol1[0])
private let commit = PgOutputWriter.encode(Samples.protocol1[1])

private let malformedCases: [MalformedCase] = [
    MalformedCase(name: "unknown message id", bytes: [UInt8(ascii: "Z"), 0], code: .unknownMessageID, offset: 0),
    MalformedCase(name: "2PC begin prepare is not protocol 1-2", bytes: [UInt8(ascii: "b")], code: .unknownMessageID, offset: 0),
    MalformedCase(name: "Begin truncated at final LSN", bytes: Array(begin.prefix(5)), code: .truncated, offset: 1),
    MalformedCase(name: "Begin truncated at commit time", bytes: Array(begin.prefix(9)), code: .truncated, offset: 9),
    MalformedCase(name: "Begin truncated at xid", bytes: Array(begin.prefix(19)), code: .truncated, offset: 17),
    MalformedCase(name: "Begin with leftover bytes", bytes: begin + [0], code: .leftoverBytes, offset: 21),
    MalformedCase(name: "Commit truncated at flags", bytes: Array(commit.prefix(1)), code: .truncated, offset: 1),
    MalformedCase(name: "Commit truncated at end LSN", bytes: Array(commit.prefix(12)), code: .truncated, offset: 10),
    MalformedCase(name: "Commit truncated at commit time", bytes: Array(commit.prefix(20)), code: .truncated, offset: 18),
    MalformedCase(name: "Origin name without NUL", bytes: bytes { $0.writeByte("O"); $0.writeInteger(UInt64(1)); $0.bytes += Array("abc".utf8) },
                  code: .missingNulTerminator, offset: 9),
    MalformedCase(name: "Relation truncated at OID", bytes: [UInt8(ascii: "R"), 0, 0], code: .truncated, offset: 1),
    MalformedCase(name: "Relation namespace without NUL", bytes: bytes { $0.writeByte("R"); $0.writeInteger(UInt32(1)); $0.bytes += Array("public".utf8) },
                  code: .missingNulTerminator, offset: 5),
    MalformedCase(name: "Relation name with invalid UTF-8", bytes: bytes {
        $0.writeByte("R"); $0.writeInteger(UInt32(1)); $0.writeNullTerminatedString("public"); $0.bytes += [0xC3, 0x28, 0]
    }, code: .invalidUTF8, offset: 12),
    MalformedCase(name: "Relation unknown replica identity", bytes: bytes {
        $0.writeByte("R"); $0.writeInteger(UInt32(1)); $0.writeNullTerminatedString("s"); $0.writeNullTerminatedString("t"); $0.writeByte("x"); $0.writeInteger(Int16(0))
    }, code: .unexpectedByte, offset: 9),
    MalformedCase(name: "Relation negative column count", bytes: bytes {
        $0.writeByte("R"); $0.writeInteger(UInt32(1)); $0.writeNullTerminatedString("s"); $0.writeNullTerminatedString("t"); $0.writeByte("d"); $0.writeInteger(Int16(-1))
    }, code: .negativeCount, offset: 10),
    MalformedCase(name: "Relation absurd column count", bytes: bytes {
        $0.writeByte("R"); $0.writeInteger(UInt32(1)); $0.writeNullTerminatedString("s"); $0.writeNullTerminatedString("t"); $0.writeByte("d"); $0.writeInteger(Int16(1000))
        $0.writeInteger(UInt8(1)); $0.writeNullTerminatedString("id"); $0.writeInteger(UInt32(23)); $0.writeInteger(Int32(-1))
    }, code: .countExceedsRemainingBytes, offset: 10),
    MalformedCase(name: "Relation truncated at column typmod", bytes: bytes {
        $0.writeByte("R"); $0.writeInteger(UInt32(1)); $0.writeNullTerminatedString("s"); $0.writeNullTerminatedString("t"); $0.writeByte("d"); $0.writeInteger(Int16(1))
        $0.writeInteger(UInt8(1)); $0.writeNullTerminatedString("identifier"); $0.writeInteger(UInt32(23)); $0.writeInteger(Int16(-1))
    }, code: .truncated, offset: 28),
    MalformedCase(name: "Type truncated at name", bytes: bytes { $0.writeByte("Y"); $0.writeInteger(UInt32(1)); $0.writeNullTerminatedString("public") },
                  code: .missingNulTerminator, offset: 12),
    MalformedCase(name: "Insert without N marker", bytes: bytes { $0.writeByte("I"); $0.writeInteger(UInt32(1)); $0.writeByte("X"); $0.writeInteger(Int16(0)) },
                  code: .unexpectedByte, offset: 5),
    MalformedCase(name: "Insert truncated at column count", bytes: bytes { $0.writeByte("I"); $0.writeInteger(UInt32(1)); $0.writeByte("N"); $0.writeInteger(UInt8(0)) },
                  code: .truncated, offset: 6),
    MalformedCase(name: "Insert negative column count", bytes: bytes { $0.writeByte("I"); $0.writeInteger(UInt32(1)); $0.writeByte("N"); $0.writeInteger(Int16(-3)) },
                  code: .negativeCount, offset: 6),
    MalformedCase(name: "Insert column count beyond payload", bytes: bytes { $0.writeByte("I"); $0.writeInteger(UInt32(1)); $0.writeByte("N"); $0.writeInteger(Int16(4)); $0.writeByte("n") },
                  code: .countExceedsRemainingBytes, offset: 6),
    MalformedCase(name: "Insert unknown tuple kind", bytes: bytes { $0.writeByte("I"); $0.writeInteger(UInt32(1)); $0.writeByte("N"); $0.writeInteger(Int16(2)); $0.writeByte("n"); $0.writeByte("z") },
                  code: .unknownTupleKind, offset: 9),
    MalformedCase(name: "Insert negative text length", bytes: bytes {
        $0.writeByte("I"); $0.writeInteger(UInt32(1)); $0.writeByte("N"); $0.writeInteger(Int16(1)); $0.writeByte("t"); $0.writeInteger(Int32(-1))
    }, code: .negativeLength, offset: 9),
    MalformedCase(name: "Insert text longer than payload", bytes: bytes {
        $0.writeByte("I"); $0.writeInteger(UInt32(1)); $0.writeByte("N"); $0.writeInteger(Int16(1)); $0.writeByte("t"); $0.writeInteger(Int32(10)); $0.bytes += [1, 2]
    }, code: .truncated, offset: 13),
    MalformedCase(name: "Insert truncated at binary length", bytes: bytes {
        $0.writeByte("I"); $0.writeInteger(UInt32(1)); $0.writeByte("N"); $0.writeInteger(Int16(1)); $0.writeByte("b"); $0.writeInteger(Int16(0))
    }, code: .truncated, offset: 9),
    MalformedCase(name: "Insert with leftover bytes", bytes: bytes { $0.writeByte("I"); $0.writeInteger(UInt32(1)); $0.writeByte("N"); $0.writeInteger(Int16(1)); $0.writeByte("n"); $0.writeByte("n") },
                  code: .leftoverBytes, offset: 9),
    MalformedCase(name: "Update unknown marker", bytes: bytes { $0.writeByte("U"); $0.writeInteger(UInt32(1)); $0.writeByte("Q"); $0.writeInteger(Int16(0)) },
                  code: .unexpectedByte, offset: 5),
    MalformedCase(name: "Update old key followed by no N", bytes: bytes { $0.writeByte("U"); $0.writeInteger(UInt32(1)); $0.writeByte("K"); $0.writeInteger(Int16(0)) },
                  code: .truncated, offset: 8),
    MalformedCase(name: "Update old key followed by K", bytes: bytes { $0.writeByte("U"); $0.writeInteger(UInt32(1)); $0.writeByte("K"); $0.writeInteger(Int16(0)); $0.writeByte("K"); $0.writeInteger(Int16(0)) },
                  code: .unexpectedByte, offset: 8),
    MalformedCase(name: "Delete with N marker", bytes: bytes { $0.writeByte("D"); $0.writeInteger(UInt32(1)); $0.writeByte("N"); $0.writeInteger(Int16(0)) },
                  code: .unexpectedByte, offset: 5),
    MalformedCase(name: "Delete truncated at marker", bytes: bytes { $0.writeByte("D"); $0.writeInteger(UInt32(1)) }, code: .truncated, offset: 5),
    MalformedCase(name: "Truncate negative relation count", bytes: bytes { $0.writeByte("T"); $0.writeInteger(Int32(-1)); $0.writeInteger(UInt8(0)) },
                  code: .negativeCount, offset: 1),
    MalformedCase(name: "Truncate absurd relation count", bytes: bytes { $0.writeByte("T"); $0.writeInteger(Int32.max); $0.writeInteger(UInt8(0)); $0.writeInteger(UInt32(1)) },
                  code: .countExceedsRemainingBytes, offset: 1),
    MalformedCase(name: "Truncate truncated at options", bytes: bytes { $0.writeByte("T"); $0.writeInteger(Int32(1)) }, code: .truncated, offset: 5),
    MalformedCase(name: "Message negative content length", bytes: bytes {
        $0.writeByte("M"); $0.writeInteger(UInt8(0)); $0.writeInteger(UInt64(1)); $0.writeNullTerminatedString("p"); $0.writeInteger(Int32.min)
    }, code: .negativeLength, offset: 12),
    MalformedCase(name: "Message prefix without NUL", bytes: bytes { $0.writeByte("M"); $0.writeInteger(UInt8(0)); $0.writeInteger(UInt64(1)); $0.bytes += [0x70] },
                  code: .missingNulTerminator, offset: 10),
    MalformedCase(name: "Stream Start bad first-segment flag", bytes: bytes { $0.writeByte("S"); $0.writeInteger(UInt32(7)); $0.writeInteger(UInt8(2)) },
                  code: .unexpectedByte, offset: 5),
    MalformedCase(name: "Stream Stop with leftover bytes", bytes: [UInt8(ascii: "E"), 0], code: .leftoverBytes, offset: 1),
    MalformedCase(name: "Stream Commit truncated at commit LSN", bytes: bytes { $0.writeByte("c"); $0.writeInteger(UInt32(7)); $0.writeInteger(UInt8(0)); $0.writeInteger(UInt32(0)) },
                  code: .truncated, offset: 6),
    MalformedCase(name: "Stream Abort truncated at subxid", bytes: bytes { $0.writeByte("A"); $0.writeInteger(UInt32(7)); $0.writeInteger(UInt16(0)) },
                  code: .truncated, offset: 5),
    MalformedCase(name: "Stream Abort with partial abort LSN", bytes: bytes { $0.writeByte("A"); $0.writeInteger(UInt32(7)); $0.writeInteger(UInt32(8)); $0.writeInteger(UInt32(0)) },
                  code: .truncated, offset: 9),
    MalformedCase(name: "Insert in stream block truncated at xid", bytes: [UInt8(ascii: "I"), 0, 0], inStreamBlock: true, code: .truncated, offset: 1),
    MalformedCase(name: "Protocol 1 Insert read as if inside a stream block", bytes: bytes {
        $0.writeByte("I"); $0.writeInteger(UInt32(1)); $0.writeByte("N"); $0.writeInteger(Int16(1)); $0.writeByte("n")
    }, inStreamBlock: true, code: .truncated, offset: 9),
]

struct MalformedPayloadTests {
    @Test(arguments: malformedCases)
    func reportsMessageIDAndOffset(_ malformed: MalformedCase) {
        let error = #expect(throws: PgOutputDecodingError.self) {
            try PgOutputMessage.decode(from: malformed.bytes, inStreamBlock: malformed.inStreamBlock)
        }
        #expect(error?.code == malformed.code)
        #expect(error?.messageID == malformed.bytes.first)
        #expect(error?.offset == malformed.offset)
        #expect(error?.expected.isEmpty == false)
    }

    @Test func emptyPayloadHasNoMessageID() {
        let error = #expect(throws: PgOutputDecodingError.self) { try PgOutputMessage.decode(from: [], inStreamBlock: false) }
        #expect(error?.code == .emptyPayload && error?.messageID == nil && error?.offset == 0)
    }

    /// Every proper prefix of every valid message fails with a typed error inside the prefix.
    @Test(arguments: [false, true])
    func everyTruncationFails(inStreamBlock: Bool) {
        let messages = inStreamBlock ? Samples.insideStreamBlock : Samples.protocol1 + Samples.streamControl
        for message in messages {
            let bytes = PgOutputWriter.encode(message)
            for length in 1..<bytes.count {
                do {
                    let decoded = try PgOutputMessage.decode(from: Array(bytes.prefix(length)), inStreamBlock: inStreamBlock)
                    // A protocol-4 Stream Abort without its optional tail is a valid shorter message.
                    #expect(decoded.id == .streamAbort && length == 9, "prefix \(length) of \(message.id) decoded")
                } catch {
                    #expect(error.messageID == message.id.rawValue)
                    #expect(error.offset <= length)
                    #expect([.truncated, .missingNulTerminator, .countExceedsRemainingBytes].contains(error.code))
                }
            }
        }
    }

    @Test func descriptionNamesMessageAndOffsetButNoData() {
        let error = PgOutputDecodingError(code: .truncated, messageID: UInt8(ascii: "I"), offset: 9, expected: "Int32 length of column 0")
        #expect(error.description == "pgoutput decoding error truncated in message 'I' at offset 9: expected Int32 length of column 0")
        #expect(PgOutputDecodingError(code: .unknownMessageID, messageID: 0x01, offset: 0, expected: "x").description.contains("0x1"))
    }
}
