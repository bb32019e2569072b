import GRDB

/// The store's facts about itself (`store_info`, migrations/001): one text value per key.
enum StoreInfo {
    /// Sets `key` to `value`, adding the row when it is missing.
    static func set(_ db: Database, _ key: String, _ value: String) throws {
        try db.execute(
            sql: "INSERT INTO store_info (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            arguments: [key, value])
    }

    /// The value of `key`; nil when it is not set.
    static func get(_ db: Database, _ key: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM store_info WHERE key = ?", arguments: [key])
    }

    /// Removes `key`.
    static func remove(_ db: Database, _ key: String) throws {
        try db.execute(sql: "DELETE FROM store_info WHERE key = ?", arguments: [key])
    }
}
