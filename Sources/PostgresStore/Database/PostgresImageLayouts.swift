import ParityStore
import PostgresClient
import Synchronization

/// The column sets of stored row images (`image_layout`) and the stored form of an image, as in the SQLite store: a
/// JSON array of its layout's id followed by its values in the layout's column order, `[3,"12.50","7",null]`.
///
/// Layouts are cached once committed; one a transaction registers stays that transaction's own until it commits (if it
/// rolls back, the layout's row is gone), so another session never writes an id that may vanish.
final class PostgresImageLayouts: Sendable {
    private struct Cache {
        var ids: [[String]: Int64] = [:]
        var columns: [Int64: [String]] = [:]
    }

    private let cache = Mutex(Cache())

    /// The stored form of `image`.
    func encode(_ image: [String: String?], in transaction: StoreTransaction) throws -> String {
        let sorted = image.sorted { $0.key < $1.key }
        return RowJSON.image(layout: try id(for: sorted.map(\.key), in: transaction), values: sorted.map(\.value))
    }

    /// The stored form of an image given as its sorted columns and a JSON array of their values (`RowJSON.key`).
    func encode(columns: [String], values: String, in transaction: StoreTransaction) throws -> String {
        ImageLayouts.stored(layout: try id(for: columns, in: transaction), values: values)
    }

    /// Decodes the stored image of the row `key`; throws ``UndecodableImage`` when the text is not one.
    func decode(_ text: String, key: String, in transaction: StoreTransaction) throws -> [String: String?] {
        try ImageLayouts.image(text, key: key) { layout in try columns(for: layout, in: transaction) }
    }

    /// The columns of a stored image; empty when the text is not one.
    func columns(of text: String?, in transaction: StoreTransaction) throws -> [String] {
        guard let text, let layout = RowJSONDecoder.layout(text) else { return [] }
        return try columns(for: layout, in: transaction)
    }

    /// The id of the layout of `columns` (sorted names), registered when new.
    func id(for columns: [String], in transaction: StoreTransaction) throws -> Int64 {
        if let id = cache.withLock({ $0.ids[columns] }) ?? transaction.registeredLayouts[columns] { return id }
        let text = RowJSON.key(columns)
        // Another process may register the same columns meanwhile: the insert then waits for it and adds nothing.
        let inserted = try transaction.value("""
            INSERT INTO image_layout (columns) VALUES (\(text)) ON CONFLICT (columns) DO NOTHING RETURNING id
            """)
        guard let inserted, let id = Int64(inserted) else {
            let id = try Self.stored(transaction.value("SELECT id FROM image_layout WHERE columns = \(text)"))
            remember(columns, id)
            return id
        }
        transaction.registeredLayouts[columns] = id
        transaction.afterCommit { self.remember(columns, id) }
        return id
    }

    /// The columns of layout `id`.
    func columns(for id: Int64, in transaction: StoreTransaction) throws -> [String] {
        let cached = cache.withLock { $0.columns[id] } ?? transaction.registeredLayouts.first { $0.value == id }?.key
        if let cached { return cached }
        guard let text = try transaction.value("SELECT columns FROM image_layout WHERE id = \(id)"),
              let columns = RowJSON.decodeKey(text)?.compactMap({ $0 })
        else { throw UnknownStoredValue(column: "image_layout.id", value: String(id), expected: "image layout") }
        remember(columns, id)
        return columns
    }

    private static func stored(_ text: String?) throws -> Int64 {
        guard let text, let id = Int64(text) else { throw UnknownStoredValue(column: "image_layout.id", value: text, expected: "image layout") }
        return id
    }

    private func remember(_ columns: [String], _ id: Int64) {
        cache.withLock { cache in
            cache.ids[columns] = id
            cache.columns[id] = columns
        }
    }
}
