import ParityStore
import ParityTestSupport
import PostgresClient
import Testing
@testable import ParityEngine

/// A COPY line encoded straight from its bytes, as one line, gives the key and image texts the store holds for the same
/// values.
@Suite struct SourceRowEncoderTests {
    @Test func bytesEncodeAsTheStoreWritesValues() throws {
        let lines = [
            "1\tplain\tx\n", "\\N\tq\"uote\\\\d\t\\N\n", "tab\\there\tnew\\nline\tctl\\001\\037\n", "é\t😀\t\\x41\n",
            "bad\\377utf8\tb\tk\n", "\t\t\n",
        ]
        let rows = lines.map { line in
            var parser = CopyTextRowParser()
            return Array(line.utf8).withUnsafeBytes { parser.parse($0) }
        }
        let scratch = try ScratchDirectory("row-encoder")
        let store = try ParityStore.open(path: scratch.file("parity.sqlite"))
        let columns = ["a", "b", "c"]
        try store.insertBaseline(
            side: .legacy, mapping: "t",
            rows: rows.map { values in (key: [values[2], values[0]], values: Dictionary(uniqueKeysWithValues: zip(columns, values))) },
            lsn: 1)
        var stored: [String: String] = [:]
        try store.withSourceState(side: .legacy, mapping: "t", asOf: 2) { reader in
            while let row = try reader.nextStateRow() { stored[row.key] = row.image }
        }
        var encoder = SourceRowEncoder(form: try store.imageForm(columns: columns), keyPositions: [2, 0])
        for line in lines {
            var encoded: [UInt8] = []
            Array(line.utf8).withUnsafeBytes { bytes in encoder.encode(bytes) { encoded = Array($0) } }
            #expect(encoded.filter { $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\n") }.count == 2, "\(line)")
            let row = encoded.withUnsafeBytes { SourceRowEncoder.row($0, columns: columns) }
            #expect(stored[row.key] == row.image, "\(line)")
            #expect(row.columns == columns)
        }
        #expect(stored.count == lines.count)
    }

    @Test func bytesEncodeAsABaselineCopyHandsValuesToTheStore() {
        let lines = ["1\tplain\tx\n", "\\N\tq\"uote\\\\d\t\\N\n", "tab\\there\tnew\\nline\tctl\\001\n", "bad\\377utf8\t😀\t\\x41\n", "\t\t\n"]
        var encoder = SourceRowEncoder(columns: 3, keyPositions: [2, 0])
        for line in lines {
            var parser = CopyTextRowParser()
            let values = Array(line.utf8).withUnsafeBytes { parser.parse($0) }
            let texts = Array(line.utf8).withUnsafeBytes { bytes in
                var texts: (key: String, image: String)?
                encoder.encode(bytes) { texts = SourceRowEncoder.texts($0) }
                return texts
            }
            #expect(texts?.key == RowJSON.key([values[2], values[0]]), "\(line)")
            #expect(texts?.image == RowJSON.key(values), "\(line)")
        }
    }
}
