import ParityStore
import ParityTestSupport
import PostgresClient
import Testing
@testable import ParityEngine

/// A COPY line encoded straight from its bytes gives the key and image texts the store would write for its values.
@Suite struct SourceRowEncoderTests {
    @Test func bytesEncodeAsTheStoreWritesValues() throws {
        let scratch = try ScratchDirectory("row-encoder")
        let store = try ParityStore.open(path: scratch.file("parity.sqlite"))
        let form = try store.imageForm(columns: ["a", "b", "c"])
        var encoder = SourceRowEncoder(form: form, keyPositions: [2, 0])
        let lines = [
            "1\tplain\tx\n", "\\N\tq\"uote\\\\d\t\\N\n", "tab\\there\tnew\\nline\tctl\\001\\037\n", "é\t😀\t\\x41\n",
            "bad\\377utf8\tb\tk\n", "\t\t\n",
        ]
        for line in lines {
            var parser = CopyTextRowParser()
            let values = Array(line.utf8).withUnsafeBytes { parser.parse($0) }
            let row = Array(line.utf8).withUnsafeBytes { encoder.encode($0) }
            #expect(row.key == RowJSON.key([values[2], values[0]]), "\(line)")
            #expect(row.image == form.encode(values), "\(line)")
            #expect(row.columns == ["a", "b", "c"])
        }
    }
}
