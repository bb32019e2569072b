import Foundation
import GRDB
@testable import ParityStore
import ParityTestSupport
import Testing

/// A store implementation under test: how to open an empty one, and how to plant a stored value this Parity does not
/// know (what only the implementation can do). Every conformance test runs once per factory in ``StoreFactory/all``.
struct StoreFactory: Sendable, CustomTestStringConvertible {
    /// A value this Parity does not know, planted in a column of an existing record.
    enum Plant: Sendable {
        /// In every finding's kind.
        case findingKind(String)
        /// In every cycle's status.
        case cycleStatus(String)
        /// A decision (a `set` of `orders.amount` rounding) with this disposition, appended to the audit trail.
        case decisionDisposition(String)
        /// In every source record's side.
        case sourceSide(String)
        /// As the cause of every aggregate row's bridge (`{"<value>": "1"}`).
        case aggregateCause(String)
        /// In every census session's statement kind.
        case statementKind(String)
        /// As every rounding evidence row's evidence.
        case roundingEvidence(String)
        /// As every inventory's items.
        case inventoryItems(String)
        /// As every cycle table's findings counted by kind.
        case findingCounts(String)
        /// As every row state row's stored image (damage, not a newer Parity's value).
        case rowImage(String)
    }

    /// The implementation's name, shown in test results.
    let name: String
    /// Opens an empty store.
    let open: @Sendable () throws -> OpenedStore
    /// Plants an unknown value in an opened store.
    let plant: @Sendable (OpenedStore, Plant) throws -> Void
    /// Counts the rows of one of an opened store's tables (how much it keeps, which no protocol says).
    let rowCount: @Sendable (OpenedStore, String) throws -> Int

    var testDescription: String { name }

    /// Every implementation the suite runs against.
    static let all: [StoreFactory] = [.sqlite, .postgres]

    /// The embedded SQLite store, in a scratch directory.
    static let sqlite = StoreFactory(
        name: "SQLite",
        open: {
            let scratch = try ScratchDirectory("conformance")
            return OpenedStore(try ParityStore.open(path: scratch.file("parity.sqlite")), keeping: scratch)
        },
        plant: { opened, plant in
            let store = try #require(opened.store as? ParityStore)
            let (sql, value): (String, String) = switch plant {
            case .findingKind(let value): ("UPDATE finding SET kind = ?", value)
            case .cycleStatus(let value): ("UPDATE cycle SET status = ?", value)
            case .decisionDisposition(let value): ("""
                INSERT INTO disposition_decision (table_name, column_name, kind, action, disposition, decided_by, decided_at)
                VALUES ('orders', 'amount', 'rounding', 'set', ?, 'a newer parity', 2)
                """, value)
            case .sourceSide(let value): ("UPDATE source_state SET side = ?", value)
            case .aggregateCause(let value): ("UPDATE aggregate_result SET bridge = json_object(?, '1')", value)
            case .statementKind(let value): ("UPDATE census_session SET statement_kind = ?", value)
            case .roundingEvidence(let value): ("UPDATE rounding_evidence SET evidence = ?", value)
            case .inventoryItems(let value): ("UPDATE inventory_snapshot SET items = ?", value)
            case .findingCounts(let value): ("UPDATE cycle_table SET findings_by_kind = ?", value)
            case .rowImage(let value): ("UPDATE row_state SET row_values = ?", value)
            }
            // The schema's checks would refuse the value: plant it as a newer Parity's schema would allow.
            try store.write { db in
                try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
                defer { try? db.execute(sql: "PRAGMA ignore_check_constraints = OFF") }
                try db.execute(sql: sql, arguments: [value])
            }
        },
        rowCount: { opened, table in
            let store = try #require(opened.store as? ParityStore)
            return try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0 }
        })
}

/// An opened store and what must live as long as it (its scratch directory).
final class OpenedStore: @unchecked Sendable {
    /// The store, seen only through its protocols.
    let store: any Store
    private let resources: [AnyObject]

    init(_ store: any Store, keeping resources: AnyObject...) {
        self.store = store
        self.resources = resources
    }

    /// The first resource kept of type `T` (the database a PostgreSQL store lives in).
    func resource<T>(_ type: T.Type) -> T? {
        resources.lazy.compactMap { $0 as? T }.first
    }
}
