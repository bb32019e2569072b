import GRDB
import Synchronization

/// The column sets of stored row images (`image_layout`, migrations/011) and the stored form of an image: a JSON
/// array of its layout's id followed by its values in the layout's column order, `[3,"12.50","7",null]`.
///
/// Layouts are cached once committed. A layout registered by the writer's open transaction is remembered apart
/// until that transaction ends: if it rolls back, the id may later be given to other columns.
package final class ImageLayouts: Sendable {
    private struct Cache {
        var ids: [[String]: Int64] = [:]
        var columns: [Int64: [String]] = [:]
        /// Layouts the writer's open transaction registered.
        var uncommitted: [[String]: Int64] = [:]
    }

    private let cache = Mutex(Cache())

    /// The stored form of `image`.
    func encode(_ image: [String: String?], _ db: Database) throws -> String {
        let sorted = image.sorted { $0.key < $1.key }
        return RowJSON.image(layout: try id(for: sorted.map(\.key), db), values: sorted.map(\.value))
    }

    /// The stored form of an image given as its sorted columns and a JSON array of their values (`RowJSON.key`).
    func encode(columns: [String], values: String, _ db: Database) throws -> String {
        Self.stored(layout: try id(for: columns, db), values: values)
    }

    /// The stored form of the JSON array `values` (`RowJSON.key`) of layout `layout`'s columns.
    package static func stored(layout: Int64, values: String) -> String {
        values.utf8.count > 2 ? "[\(layout)," + values.dropFirst() : "[\(layout)]"
    }

    /// Decodes the stored image of the row `key`; throws ``UndecodableImage`` when the text is not one.
    func decode(_ text: String, key: String, _ db: Database) throws -> [String: String?] {
        try Self.image(text, key: key) { layout in try columns(for: layout, db) }
    }

    /// The stored image `text` of the row `key`, its layout's columns given by `columns` (from the layout id), read in one
    /// pass; throws ``UndecodableImage`` when the text is not an image of them.
    package static func image(_ text: String, key: String, columns: (Int64) throws -> [String]) throws -> [String: String?] {
        guard let (layout, values) = RowJSONDecoder.positional(text), let image = image(columns: try columns(layout), values: values)
        else { throw UndecodableImage(key: key) }
        return image
    }

    /// The columns of a stored image; nil when the text is not one.
    func columns(of text: String, _ db: Database) throws -> [String]? {
        guard let layout = RowJSONDecoder.layout(text) else { return nil }
        return try columns(for: layout, db)
    }

    /// Pairs `columns` with `values`; nil when their counts differ.
    package static func image(columns: [String], values: [String?]) -> [String: String?]? {
        guard columns.count == values.count else { return nil }
        var image: [String: String?] = [:]
        image.reserveCapacity(columns.count)
        for (column, value) in zip(columns, values) { image[column] = value }
        return image
    }

    /// The id of the layout of `columns` (sorted names), registered when new.
    func id(for columns: [String], _ db: Database) throws -> Int64 {
        if let id = cache.withLock({ $0.ids[columns] ?? $0.uncommitted[columns] }) { return id }
        let text = RowJSON.key(columns)
        if let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM image_layout WHERE columns = ?"), arguments: [text]) {
            // Not registered by this transaction, so committed.
            remember(columns, id)
            return id
        }
        try db.execute(sql: "INSERT INTO image_layout (columns) VALUES (?)", arguments: [text])
        let id = db.lastInsertedRowID
        cache.withLock { $0.uncommitted[columns] = id }
        db.afterNextTransaction(
            onCommit: { _ in self.remember(columns, id) },
            onRollback: { _ in _ = self.cache.withLock { $0.uncommitted.removeValue(forKey: columns) } })
        return id
    }

    /// The columns of layout `id`.
    func columns(for id: Int64, _ db: Database) throws -> [String] {
        let cached = cache.withLock { cache in cache.columns[id] ?? cache.uncommitted.first { $0.value == id }?.key }
        if let cached { return cached }
        guard let text = try String.fetchOne(db.cachedStatement(sql: "SELECT columns FROM image_layout WHERE id = ?"), arguments: [id]),
              let columns = RowJSONDecoder.array(text)?.compactMap({ $0 })
        else { throw UnknownImageLayout(id: id) }
        remember(columns, id)
        return columns
    }

    private func remember(_ columns: [String], _ id: Int64) {
        cache.withLock { cache in
            cache.ids[columns] = id
            cache.columns[id] = columns
            cache.uncommitted[columns] = nil
        }
    }
}

/// A stored row image that is not an image (not a layout id and values, or more or fewer values than its layout has
/// columns): the store is damaged, and each store reports it as `.corrupt`. It names the row's key, never the image's
/// values.
package struct UndecodableImage: Error, CustomStringConvertible {
    /// The row's key (JSON array text).
    package var key: String

    package init(key: String) {
        self.key = key
    }

    package var description: String { "the stored image of row \(key) does not decode" }
}

/// A stored row image names a layout the store does not hold: the store file is damaged.
struct UnknownImageLayout: Error, CustomStringConvertible {
    var id: Int64

    var description: String {
        "a stored row image names layout \(id), which image_layout does not hold; the store is damaged: "
            + "restore it from a backup, or start a new store with parity init"
    }
}
