import ParityTestSupport
import PostgresClient
import Testing

@Suite("Queries over libpq", .serialized)
final class QueryTests {
    let cluster: PostgresCluster
    let connection: PostgresConnection

    init() throws {
        cluster = try PostgresCluster.start()
        connection = try cluster.connect()
    }

    deinit {
        connection.close()
        cluster.stop()
    }

    @Test("values travel as binds, never spliced into the SQL")
    func bindsAreParameters() throws {
        let name = "O'Brien \"the\" ünïcødé ✓; DROP TABLE x; --"
        let number = 42
        let query: PostgresQuery = "SELECT \(name)::text AS name, \(number)::int AS number, \(true)::bool AS flag"
        #expect(query.sql == "SELECT $1::text AS name, $2::int AS number, $3::bool AS flag")
        #expect(query.binds == [name, "42", "t"])
        let row = try connection.query(query).singleRow()
        #expect(try row.decode(String.self, "name") == name)
        #expect(try row.decode(Int.self, "number") == 42)
        #expect(try row.decode(Bool.self, "flag") == true)
    }

    @Test("NULL binds and NULL results")
    func nulls() throws {
        let missing: String? = nil
        let row = try connection.query("SELECT \(missing)::text AS a, NULL::int AS b, ''::text AS c").singleRow()
        #expect(try row.decode(String?.self, "a") == nil)
        #expect(try row.decode(Int?.self, "b") == nil)
        #expect(try row.decode(String?.self, "c") == "")
        #expect(throws: PostgresError.self) { _ = try row.decode(String.self, "a") }
    }

    @Test("a result's rows read by position read what their columns hold")
    func positions() throws {
        let rows = try connection.query("SELECT g AS n, CASE WHEN g = 2 THEN NULL ELSE 'v' || g END AS label FROM generate_series(1, 3) AS g").rows
        let number = try rows[0].position(of: "n"), label = try rows[0].position(of: "label")
        #expect(try rows.map { try $0.decode(Int.self, at: number) } == [1, 2, 3])
        #expect(try rows.map { try $0.decode(String?.self, at: label) } == ["v1", nil, "v3"])
        let null = #expect(throws: PostgresError.self) { _ = try rows[1].decode(String.self, at: label) }
        #expect(null?.message == "column at position 1 is NULL, expected String")
        let text = #expect(throws: PostgresError.self) { _ = try rows[0].decode(Int.self, at: label) }
        #expect(text?.message == "column at position 1 does not hold a Int")
        let unknown = #expect(throws: PostgresError.self) { _ = try rows[0].position(of: "missing") }
        #expect(unknown?.message == "the result has no column missing")
        let named = #expect(throws: PostgresError.self) { _ = try rows[1].decode(String.self, "label") }
        #expect(named?.message == "column label is NULL, expected String")
    }

    @Test("identifiers are quoted, so odd table names work")
    func identifierQuoting() throws {
        let table = "Order \"Lines\""
        try connection.query("CREATE TABLE \(identifier: table) (id int PRIMARY KEY, note text)")
        try connection.query("INSERT INTO \(identifier: table) VALUES (\(1), \("a\tb\nc\\d"))")
        let row = try connection.query("SELECT note FROM \(table: "public", table)").singleRow()
        #expect(row["note"] == "a\tb\nc\\d")
        #expect(quoteIdentifier("a\"b") == "\"a\"\"b\"")
    }

    @Test("session settings make values unambiguous")
    func sessionSettings() throws {
        let row = try connection.query("""
            SELECT current_setting('TimeZone') AS tz, current_setting('DateStyle') AS ds,
                   current_setting('IntervalStyle') AS iv, current_setting('extra_float_digits') AS efd,
                   current_setting('lc_monetary') AS mon, current_setting('statement_timeout') AS st,
                   current_setting('application_name') AS app,
                   '2024-03-10 08:00:00+05:30'::timestamptz::text AS ts, '1 day 2 hours'::interval::text AS i
            """).singleRow()
        #expect(row["tz"] == "UTC")
        #expect(row["ds"] == "ISO, MDY")
        #expect(row["iv"] == "iso_8601")
        #expect(row["efd"] == "3")
        #expect(row["mon"] == "C")
        #expect(row["st"] == "5min")
        #expect(row["app"] == "parity-tests")
        #expect(row["ts"] == "2024-03-10 02:30:00+00")
        #expect(row["i"] == "P1DT2H")
    }

    @Test("server errors carry SQLSTATE, message, detail and hint; description leaks no row data")
    func serverErrors() throws {
        try connection.query("CREATE TABLE uniq (id int PRIMARY KEY)")
        try connection.query("INSERT INTO uniq VALUES (\(777001))")
        let error = #expect(throws: PostgresError.self) {
            try connection.query("INSERT INTO uniq VALUES (\(777001))")
        }
        #expect(error?.code == .serverError)
        #expect(error?.sqlState == "23505")
        #expect(error?.message.contains("duplicate key") == true)
        #expect(error?.detail?.contains("777001") == true)
        #expect(error.map { "\($0)".contains("777001") } == false)

        let undefined = #expect(throws: PostgresError.self) { try connection.query("SELECT * FROM no_such_table") }
        #expect(undefined?.sqlState == "42P01")
        let hinted = #expect(throws: PostgresError.self) { try connection.query("SELECT lenght('x')") }
        #expect(hinted?.hint != nil)
        // The connection stays usable after an error.
        #expect(try connection.query("SELECT 1 AS one").singleRow()["one"] == "1")
    }

    @Test("statement timeout cancels a long statement")
    func statementTimeout() throws {
        let short = try PostgresConnection.connect(ConnectionOptions(dsn: cluster.dsn(), statementTimeout: .milliseconds(200)))
        defer { short.close() }
        let error = #expect(throws: PostgresError.self) { try short.query("SELECT pg_sleep(5)") }
        #expect(error?.sqlState == "57014")
    }

    @Test("a multi-statement script runs through the simple protocol")
    func scripts() throws {
        try connection.execute(unsafeScript: "CREATE TABLE s1 (a int); INSERT INTO s1 VALUES (1), (2); CREATE TABLE s2 (b int);")
        #expect(try connection.query("SELECT count(*) AS n FROM s1").singleRow()["n"] == "2")
    }
}
