import Foundation
import ParityTestSupport
import PostgresClient
import Testing

@Suite("COPY TO STDOUT streaming")
struct CopyOutTests {
    @Test("values with tabs, newlines, backslashes, unicode and NULL survive COPY text format")
    func escapes() throws {
        let cluster = try PostgresCluster.start()
        defer { cluster.stop() }
        let connection = try cluster.connect()
        defer { connection.close() }
        try connection.query("CREATE TABLE t (id int, a text, b text)")
        let tricky = "tab\there\nnew\\line \u{1}ctl ünï ✓ \"q\" 'q'"
        try connection.query("INSERT INTO t VALUES (1, \(tricky), NULL), (2, '', '\\N')")
        var rows: [[String?]] = []
        let count = try connection.copyOut("COPY (SELECT * FROM t ORDER BY id) TO STDOUT") { rows.append($0) }
        #expect(count == 2)
        #expect(rows[0] == ["1", tricky, nil])
        #expect(rows[1] == ["2", "", "\\N"])
    }

    @Test("1M rows stream in bounded memory")
    func millionRowsBoundedMemory() throws {
        let cluster = try PostgresCluster.start()
        defer { cluster.stop() }
        let connection = try cluster.connect()
        defer { connection.close() }
        try connection.query("""
            CREATE TABLE big AS SELECT g AS id, md5(g::text) || md5((g + 1)::text) AS payload, (g / 100.0)::numeric(12,2) AS amount
            FROM generate_series(1, 1000000) g
            """)
        let before = residentMegabytes()
        var peak = before
        var sum: Int64 = 0
        let count = try connection.copyOut("COPY big TO STDOUT") { values in
            sum += Int64(values[0]!)!
            if values[0]!.hasSuffix("0000") { peak = max(peak, residentMegabytes()) }
        }
        #expect(count == 1_000_000)
        #expect(sum == 500_000_500_000)
        // The table is ~100 MB as text (several times that as Swift strings); streaming must not hold it. The
        // margin allows for other suites allocating in this process meanwhile (tests run in parallel).
        #expect(peak - before < 75, "resident memory grew by \(peak - before) MB while streaming")
    }

    @Test("an error in the row handler cancels the COPY and leaves the connection usable")
    func handlerErrorCancels() throws {
        struct Stop: Error {}
        let cluster = try PostgresCluster.start()
        defer { cluster.stop() }
        let connection = try cluster.connect()
        defer { connection.close() }
        var seen = 0
        #expect(throws: Stop.self) {
            try connection.copyOut("COPY (SELECT g FROM generate_series(1, 5000000) g) TO STDOUT") { _ in
                seen += 1
                if seen == 10 { throw Stop() }
            }
        }
        #expect(seen == 10)
        #expect(try connection.query("SELECT 2 AS two").singleRow()["two"] == "2")
    }

    @Test("a failing COPY statement is a server error")
    func failingCopy() throws {
        let cluster = try PostgresCluster.start()
        defer { cluster.stop() }
        let connection = try cluster.connect()
        defer { connection.close() }
        let error = #expect(throws: PostgresError.self) {
            try connection.copyOut("COPY (SELECT 1 / (g - 3) FROM generate_series(1, 5) g) TO STDOUT") { _ in }
        }
        #expect(error?.sqlState == "22012")
    }
}

/// This process's resident set size in MB, from /proc.
func residentMegabytes() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
          let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
    else { return 0 }
    return kilobytes / 1024
}
