import GRDB

/// The store's schema history: `migrations/NNN_name.sql`, embedded at build time, in order.
public enum StoreMigrations {
    /// Every migration this binary knows, oldest first.
    public static let all: [(name: String, sql: String)] = embeddedMigrations

    /// The name of the newest migration this binary knows.
    public static var latest: String { all.last?.name ?? "" }

    /// A migrator that applies each migration once, in its own transaction, recorded by name.
    static func migrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in all {
            migrator.registerMigration(migration.name) { db in
                try db.execute(sql: migration.sql)
            }
        }
        return migrator
    }
}
