import ParityConfig
import ParityModel
import ParityStore
import ParityTestSupport
import PostgresClient
import Testing
@testable import ParityEngine

/// PostgreSQL sorts a source table in the store's key order: the bytes of each key's JSON text as `RowJSON.key` writes
/// it from the values COPY sends, whatever characters the values hold and whatever their types.
@Suite struct StoreKeyOrderTests {
    /// The keys COPY sends in the order verify asks for, as `RowJSON.key` writes them; checks that the order with every
    /// column escaped by `to_json`, and with the texts converted to UTF-8, is the same.
    private func keys(_ connection: PostgresConnection, table: String, columns: [String], plainText: Set<String>) throws -> [String] {
        let orders = [
            try StoreKeyOrder.orderBy(keyColumns: columns, of: QualifiedName(schema: "public", name: table), on: connection),
            StoreKeyOrder.orderBy(keyColumns: columns, plainText: plainText, utf8: false),
            StoreKeyOrder.orderBy(keyColumns: columns, plainText: [], utf8: false),
        ]
        let list = columns.map(quoteIdentifier).joined(separator: ", ")
        var sorted: [[String]] = []
        for order in orders {
            var keys: [String] = []
            try connection.copyOut(PostgresQuery(unsafeSQL: "COPY (SELECT \(list) FROM \(table) ORDER BY \(order)) TO STDOUT")) {
                keys.append(RowJSON.key($0))
            }
            sorted.append(keys)
        }
        #expect(sorted[1] == sorted[0] && sorted[2] == sorted[0])
        return sorted[0]
    }

    private func isStrictlyIncreasing(_ keys: [String]) -> Bool {
        zip(keys, keys.dropFirst()).allSatisfy { CanonicalKeyOrder.precedes($0, $1) }
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
            try connection.query("INSERT INTO t (k, n) SELECT \(value), n FROM unnest(ARRAY[1, 9, 10, -3, NULL]::int[]) AS n")
        }
        try connection.query("INSERT INTO t (k, n) SELECT NULL, n FROM unnest(ARRAY[1, 9, 10, -3, NULL]::int[]) AS n")
        let sorted = try keys(connection, table: "t", columns: ["k", "n"], plainText: ["n"])
        #expect(sorted.count == 5 * (values.count + 1))
        #expect(isStrictlyIncreasing(sorted), "\(sorted)")
        #expect(isStrictlyIncreasing(try keys(connection, table: "t", columns: ["n", "k"], plainText: ["n"])))
    }

    @Test func valuesOfOtherTypesSortByTheTextCopySends() throws {
        let cluster = try PostgresCluster.start()
        defer { cluster.stop() }
        let connection = try cluster.connect()
        defer { connection.close() }
        try connection.query("""
            CREATE TABLE typed AS SELECT i, d, ts, u, x, c, b FROM
                unnest(ARRAY[0, 1, 9, 10, 19, 2, -1, -10, -2, 9223372036854775807, -9223372036854775808]::int8[]) WITH ORDINALITY AS i(i, o)
                JOIN unnest(ARRAY['2026-12-05', '2026-12-05 BC', '0044-03-15', '0044-03-15 BC', 'infinity', '-infinity', '2026-12-05',
                                  '0001-01-01', '0001-01-01 BC', '9999-12-31', '2026-01-01']::date[],
                            ARRAY['2026-12-05 10:00:00+00', '2026-12-05 10:00:00+00 BC', '2026-12-05 10:00:00.5+00', 'infinity', '-infinity',
                                  '2026-12-05 10:00:00.25+00', '1999-01-01 00:00:00+00', '2026-12-05 10:00:00+00', '2000-01-01 00:00:00+00',
                                  '2000-01-01 00:00:00.000001+00', '2000-01-01 00:00:01+00']::timestamptz[],
                            ARRAY['a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff',
                                  'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12', '10000000-0000-0000-0000-000000000000', '0a000000-0000-0000-0000-000000000000',
                                  '9fffffff-0000-0000-0000-000000000000', 'b0000000-0000-0000-0000-000000000000', '00000000-0000-0000-0000-000000000001',
                                  'a0000000-0000-0000-0000-000000000000', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a10']::uuid[],
                            ARRAY['1.5', '1.50', '10', '-1', '-1.5', 'NaN', '0', '0.001', '1e10', '-0.5', '2']::numeric[],
                            ARRAY['ab', 'a', 'ab c', 'a"b', 'a\\b', 'b', ' ', '', 'z', 'ab', 'aa']::char(4)[],
                            ARRAY[true, false, true, false, true, false, true, false, true, false, true])
                    WITH ORDINALITY AS v(d, ts, u, x, c, b, o) ON v.o = i.o
            """)
        let plain: Set<String> = ["i", "d", "ts", "u", "x"]
        for columns in [["i"], ["d"], ["ts"], ["u"], ["x"], ["c"], ["b"], ["d", "i"], ["c", "x", "u"]] {
            let sorted = try keys(connection, table: "typed", columns: columns, plainText: plain)
            #expect(sorted.count == 11)
            // Some columns repeat a value: in order, not strictly.
            #expect(zip(sorted, sorted.dropFirst()).allSatisfy { !CanonicalKeyOrder.precedes($1, $0) }, "\(columns): \(sorted)")
        }
    }
}
