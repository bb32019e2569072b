import LogicalReplication
import Testing

struct ByteReaderTests {
    @Test func readsBigEndianIntegersAndStopsAtTheEnd() {
        var reader = ByteReader([0x01, 0x02, 0xFF, 0xFE, 0, 0, 0, 1, 0x41, 0])
        #expect(reader.readInt16() == 0x0102)
        #expect(reader.readInt16() == -2)
        #expect(reader.readInt64() == nil)
        #expect(reader.offset == 4)
        #expect(reader.readInt32() == 1)
        #expect(reader.readNulTerminated().map(Array.init) == [0x41])
        #expect(reader.remaining == 0)
        #expect(reader.readUInt8() == nil)
        #expect(reader.readBytes(0).map(Array.init) == [])
        #expect(reader.readBytes(1) == nil)
    }

    @Test func readsFromASliceWithANonZeroStart() {
        let bytes: [UInt8] = [9, 9, 0x7F, 0xFF, 0xFF, 0xFF, 0x42, 0x43]
        var reader = ByteReader(bytes[2...])
        #expect(reader.readInt32() == .max)
        #expect(reader.offset == 4)
        #expect(reader.readNulTerminated() == nil)
        #expect(reader.offset == 4)
        #expect(reader.readBytes(-1) == nil)
        #expect(reader.readRemaining().map { $0 } == [0x42, 0x43])
        #expect(reader.remaining == 0)
    }

    @Test func readsEveryWidth() {
        var reader = ByteReader([0x80, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0x80, 0, 0, 0, 0, 0, 0, 1])
        #expect(reader.readInt64() == .min)
        #expect(reader.readUInt32() == .max)
        #expect(reader.readUInt64() == 0x8000_0000_0000_0001)
    }
}
