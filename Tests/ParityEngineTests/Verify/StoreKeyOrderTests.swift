import ParityStore
import ParityTestSupport
import PostgresClient
import Testing
@testable import ParityEngine

/// PostgreSQL sorts a source table in the store's key order: the bytes of each key's JSON text as `RowJSON.key` writes
/// it from the values COPY sends, whatever characters the values hold and whatever their types.
@Suite struct StoreKeyOrderTests {
    /// The keys COPY sends in the order of `StoreKeyOrder.expression(keyColumns:)`, as `RowJSON.key` writes them.
    private func keys(_ connection: PostgresConnection, table: String, columns: [String]) throws -> [String] {
        let list = columns.map(quoteIdentifier).joined(separator: ", ")
        var keys: [String] = []
        try connection.copyOut(PostgresQuery(unsafeSQL: """
            COPY (SELECT \(list) FROM \(table) ORDER BY \(StoreKeyOrder.expression(keyColumns: columns))) TO STDOUT
            """)) { keys.append(RowJSON.key($0)) }
        return keys
    }

    private func isStrictlyIncreasing(_ keys: [String]) -> Bool {
        zip(keys, keys.dropFirst()).allSatisfy { KeyOrder.precedes($0, $1) }
    }

    @Test func textWithEveryKindOfEscapeSortsAsTheStoreDoes() throws {
        let cluster = try PostgresCluster.start()
        defer { cluster.stop() }
        let connection = try cluster.connect()
        defer { connection.close() }
        try connection.query("CREATE TABLE t (k text, n int)")
        let values = [
            "", "a", "a!", "a\"", "a#", "a\\", "a\\b", "a\u{8}", "a\u{8}\u{8}", "a\\\u{8}", "a\u{C}", "a\\f", "a\t", "a\n", "a\r",
            "a\u{1}", "a\u{1F}", "a ", "Z", "9", "10", "\u{E9}", "e\u{301}", "😀", "\"quoted\"", "null", "[1]",
        ]
        for value in values {
            try connection.query("INSERT INTO t (k, n) SELECT \(value), n FROM unnest(ARRAY[1, 9, 10, NULL]::int[]) AS n")
        }
        try connection.query("INSERT INTO t (k, n) SELECT NULL, n FROM unnest(ARRAY[1, 9, 10, NULL]::int[]) AS n")
        let sorted = try keys(connection, table: "t", columns: ["k", "n"])
        #expect(sorted.count == 4 * (values.count + 1))
        #expect(isStrictlyIncreasing(sorted), "\(sorted)")
        #expect(isStrictlyIncreasing(try keys(connection, table: "t", columns: ["n", "k"])))
    }

    @Test func valuesOfOtherTypesSortByTheTextCopySends() throws {
        let cluster = try PostgresCluster.start()
        defer { cluster.stop() }
        let connection = try cluster.connect()
        defer { connection.close() }
        try connection.query("""
            CREATE TABLE typed AS SELECT c::char(4) AS c, b, d, ts
            FROM unnest(ARRAY['ab', 'a', 'ab c']) AS c, unnest(ARRAY[true, false]) AS b, unnest(ARRAY[9.5, 10, -1.25]::numeric[]) AS d,
                 unnest(ARRAY['2026-12-05 10:00:00+00', '2026-01-01 00:00:00+00']::timestamptz[]) AS ts
            """)
        let sorted = try keys(connection, table: "typed", columns: ["c", "b", "d", "ts"])
        #expect(sorted.count == 36)
        #expect(isStrictlyIncreasing(sorted), "\(sorted)")
        #expect(sorted.first == #"["a   ","f","-1.25","2026-01-01 00:00:00+00"]"#)
    }
}
