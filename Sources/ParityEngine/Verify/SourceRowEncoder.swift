import ParityStore
import PostgresClient
import Reconciliation

/// Turns a source table's COPY text lines (values in the table's column order) into the key text and image text the
/// store would hold for them (`RowJSON.key`, ``StoredImageForm``), straight from the line's bytes, reusing its buffers
/// from one line to the next; bytes that are not UTF-8 are repaired as the strings of `CopyTextRowParser.parse` repair
/// them. A value type: a line's fields are written without an exclusivity check each.
struct SourceRowEncoder {
    private let form: StoredImageForm
    /// For each column, its place in the key, or nil.
    private let keySlots: [Int?]
    private var parser = CopyTextRowParser()
    private var image = RowJSONWriter.array(capacity: 256)
    private var key = RowJSONWriter.array()
    /// The key's values of the line being encoded, in key order, and which of them are NULL.
    private var keyValues: [[UInt8]]
    private var keyNulls: [Bool]

    /// An encoder for rows of `form.columns` whose key columns are at `keyPositions`, in key order.
    init(form: StoredImageForm, keyPositions: [Int]) {
        self.form = form
        var slots = [Int?](repeating: nil, count: form.columns.count)
        for (slot, position) in keyPositions.enumerated() where position < slots.count { slots[position] = slot }
        keySlots = slots
        keyValues = Array(repeating: [], count: keyPositions.count)
        keyNulls = Array(repeating: true, count: keyPositions.count)
    }

    /// The row of one line.
    mutating func encode(_ line: UnsafeRawBufferPointer) -> SourceTableComparison.SourceRow {
        form.startImage(in: &image)
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
        return SourceTableComparison.SourceRow(key: key.take(), columns: form.columns, image: image.take())
    }
}
