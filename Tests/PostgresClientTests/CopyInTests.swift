import ParityTestSupport
import PostgresClient
import Testing

@Suite("COPY FROM STDIN")
struct CopyInTests {
    @Test("text form escapes backslash, tab, newline and carriage return, and writes NULL as \\N")
    func textForm() {
        var rows = CopyTextRows()
        rows.append("a\tb\\c\nd\re")
        rows.append(nil)
        rows.append("")
        rows.endRow()
        rows.append("✓")
        rows.endRow()
        #expect(rows.text == "a\\tb\\\\c\\nd\\re\t\\N\t\n✓\n")
        #expect(rows.count == 2)
    }

    @Test("integers are written in decimal, whatever their type and sign")
    func integers() {
        var rows = CopyTextRows()
        for number in [0, 7, -7, 10, 1_234_567_890, Int.max, Int.min] { rows.append(number) }
        rows.append(Int32.min)
        rows.append(UInt8.max)
        rows.append(UInt32.max)
        rows.endRow()
        #expect(rows.text == "0\t7\t-7\t10\t1234567890\t9223372036854775807\t-9223372036854775808\t-2147483648\t255\t4294967295\n")
    }

    @Test("rows copied in read back exactly, and a refused row fails the copy with the server's error")
    func roundTrip() throws {
        let cluster = try PostgresCluster.start()
        defer { cluster.stop() }
        let connection = try cluster.connect()
        defer { connection.close() }
        try connection.query("CREATE TABLE t (id int PRIMARY KEY, a text, b text)")
        let tricky = "tab\there\nnew\\line\r \u{1}ctl ünï ✓ \"q\" 'q' \\N"
        var rows = CopyTextRows()
        for (id, a, b) in [("1", tricky, nil), ("2", "", "\\N")] as [(String, String?, String?)] {
            rows.append(id)
            rows.append(a)
            rows.append(b)
            rows.endRow()
        }
        #expect(try connection.copyIn("COPY t (id, a, b) FROM STDIN", rows: rows) == 2)
        var read: [[String?]] = []
        try connection.copyOut("COPY (SELECT * FROM t ORDER BY id) TO STDOUT") { read.append($0) }
        #expect(read == [["1", tricky, nil], ["2", "", "\\N"]])

        let refused = #expect(throws: PostgresError.self) { try connection.copyIn("COPY t (id, a, b) FROM STDIN", rows: rows) }
        #expect(refused?.sqlState == "23505")
        #expect(try connection.query("SELECT count(*) AS n FROM t").singleRow().decode(Int.self, "n") == 2)
        #expect(try connection.query("SELECT 1 AS one").singleRow().decode(Int.self, "one") == 1, "the connection is usable after a failed copy")
    }
}
