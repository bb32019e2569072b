import Foundation
import ParityModel

/// What one source transaction wrote to one table, by operation: a row of `transaction_write`, or one table of a
/// ``WriteSignature``.
package struct TableWrite: Hashable, Sendable {
    package var table: ExactText
    package var inserts: Int
    package var updates: Int
    package var deletes: Int
    package var truncates: Int

    package init(table: ExactText, inserts: Int, updates: Int, deletes: Int, truncates: Int) {
        self.table = table
        self.inserts = inserts
        self.updates = updates
        self.deletes = deletes
        self.truncates = truncates
    }
}

/// Everything one transaction wrote, its tables in byte order: the unit the co-write patterns of retired transactions
/// are counted in (the patterns of any table against any other follow from the signatures that hold the first).
package struct WriteSignature: Hashable, Sendable {
    package let tables: [TableWrite]

    package init(_ tables: [TableWrite]) {
        self.tables = tables.sorted { $0.table < $1.table }
    }

    /// The signature of a JSON array of `[table, inserts, updates, deletes, truncates]` arrays in any order (what the
    /// stores' retirement query builds per transaction); nil for other text.
    package init?(json: String) {
        guard let tables = try? JSONDecoder().decode([TableWrite].self, from: Data(json.utf8)) else { return nil }
        self.init(tables)
    }
}

extension TableWrite: Decodable {
    /// One `[table, inserts, updates, deletes, truncates]` array.
    package init(from decoder: any Decoder) throws {
        var fields = try decoder.unkeyedContainer()
        self.init(
            table: ExactText(try fields.decode(String.self)), inserts: try fields.decode(Int.self), updates: try fields.decode(Int.self),
            deletes: try fields.decode(Int.self), truncates: try fields.decode(Int.self))
    }
}
