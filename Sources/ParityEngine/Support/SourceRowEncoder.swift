import ParityStore
import PostgresClient
import Reconciliation

/// Turns a source table's COPY text lines (values in the table's column order) into the key text and image text the
/// store would hold for them (`RowJSON.key`, ``StoredImageForm``), or the key and values texts a baseline copy hands the
/// store (`RowJSON.key` of each), straight from the line's bytes, as one line `key<TAB>image<LF>` (JSON texts escape
/// tabs and newlines, so neither holds one), reusing its buffers from one line to the next. A value type: a line's
/// fields are written without an exclusivity check each.
struct SourceRowEncoder {
    /// The stored form images take, or nil for the values alone (`RowJSON.key` of them).
    private let form: StoredImageForm?
    /// For each column, its place in the key, or nil.
    private let keySlots: [Int?]
    private var parser = CopyTextRowParser()
    private var image = RowJSONWriter.array(capacity: 256)
    private var key = RowJSONWriter.array()
    /// The key's values of the line being encoded, in key order, and which of them are NULL.
    private var keyValues: [[UInt8]]
    private var keyNulls: [Bool]
    private var output: [UInt8] = []

    /// An encoder for rows of `form.columns` whose key columns are at `keyPositions`, in key order.
    init(form: StoredImageForm, keyPositions: [Int]) {
        self.init(form: form, columns: form.columns.count, keyPositions: keyPositions)
    }

    /// An encoder for rows of `columns` columns whose key columns are at `keyPositions`, in key order, writing each row's
    /// values as `RowJSON.key` writes them (the form ``BaselineWriter`` takes).
    init(columns: Int, keyPositions: [Int]) {
        self.init(form: nil, columns: columns, keyPositions: keyPositions)
    }

    private init(form: StoredImageForm?, columns: Int, keyPositions: [Int]) {
        self.form = form
        var slots = [Int?](repeating: nil, count: columns)
        for (slot, position) in keyPositions.enumerated() where position < slots.count { slots[position] = slot }
        keySlots = slots
        keyValues = Array(repeating: [], count: keyPositions.count)
        keyNulls = Array(repeating: true, count: keyPositions.count)
        output.reserveCapacity(512)
    }

    /// Calls `body` with the encoded form of one line, valid only during the call.
    mutating func encode(_ line: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        form?.startImage(in: &image)
        var column = 0
        // The parser is set aside while it reads, so that the fields can be written into `self`.
        var parser = CopyTextRowParser()
        swap(&parser, &self.parser)
        defer { swap(&parser, &self.parser) }
        parser.forEachField(in: line) { value in
            if let value { image.string(value) } else { image.null() }
            if column < keySlots.count, let slot = keySlots[column] {
                keyValues[slot].removeAll(keepingCapacity: true)
                if let value { keyValues[slot].append(contentsOf: value) }
                keyNulls[slot] = value == nil
            }
            column += 1
        }
        for slot in keyValues.indices {
            if keyNulls[slot] { key.null() } else { keyValues[slot].withUnsafeBufferPointer { key.string($0) } }
        }
        output.removeAll(keepingCapacity: true)
        key.take(appendingTo: &output)
        output.append(UInt8(ascii: "\t"))
        image.take(appendingTo: &output)
        output.append(UInt8(ascii: "\n"))
        try output.withUnsafeBytes(body)
    }

    /// The row of an encoded line (with or without its newline); bytes that are not UTF-8 are repaired as `String`
    /// repairs them (as the strings of `CopyTextRowParser.parse` would have been).
    static func row(_ encoded: UnsafeRawBufferPointer, columns: [String]) -> SourceTableComparison.SourceRow {
        let (key, image) = texts(encoded)
        return SourceTableComparison.SourceRow(key: key, columns: columns, image: image)
    }

    /// The key and image texts of an encoded line (with or without its newline), repaired as ``row(_:columns:)`` repairs them.
    static func texts(_ encoded: UnsafeRawBufferPointer) -> (key: String, image: String) {
        let bytes = encoded.assumingMemoryBound(to: UInt8.self)
        let end = bytes.last == UInt8(ascii: "\n") ? bytes.count - 1 : bytes.count
        let tab = bytes[..<end].firstIndex(of: UInt8(ascii: "\t")) ?? end
        return (String(decoding: UnsafeBufferPointer(rebasing: bytes[..<tab]), as: UTF8.self),
                String(decoding: UnsafeBufferPointer(rebasing: bytes[min(tab + 1, end)..<end]), as: UTF8.self))
    }
}
