import Foundation
import ParityTestSupport
import PostgresClient
import Testing

@Suite("Connecting")
struct ConnectionTests {
    @Test("a URI and a keyword DSN both connect; the target names the server without password")
    func dsnForms() throws {
        let cluster = try PostgresCluster.start()
        defer { cluster.stop() }
        try cluster.run("CREATE ROLE app LOGIN PASSWORD 'pa55-s3cret'")
        for dsn in [
            "postgresql://app:pa55-s3cret@127.0.0.1:\(cluster.port)/postgres",
            "host=127.0.0.1 port=\(cluster.port) dbname=postgres user=app password=pa55-s3cret",
        ] {
            let connection = try PostgresConnection.connect(ConnectionOptions(dsn: dsn))
            #expect(connection.target == "host=127.0.0.1 port=\(cluster.port) dbname=postgres user=app")
            #expect(try connection.query("SELECT current_user AS u").singleRow()["u"] == "app")
            #expect(connection.serverVersion >= 120000)
            connection.close()
        }
    }

    @Test("a password file supplies the password; failures never show it")
    func passwordFileAndSecrets() throws {
        let cluster = try PostgresCluster.start()
        defer { cluster.stop() }
        // Require passwords on loopback for this cluster so a wrong one is refused.
        try cluster.run("""
            CREATE ROLE app LOGIN PASSWORD 'right-s3cret';
            """)
        let hba = cluster.directory + "/data/pg_hba.conf"
        try "host all app 127.0.0.1/32 scram-sha-256\n".appendingFile(hba, prepend: true)
        try cluster.run("SELECT pg_reload_conf()")
        usleep(200_000)

        let file = NSTemporaryDirectory() + "parity-pw-\(UUID().uuidString)"
        try "right-s3cret\n".write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let dsn = "host=127.0.0.1 port=\(cluster.port) dbname=postgres user=app"
        let connection = try PostgresConnection.connect(ConnectionOptions(dsn: dsn, passwordFile: file))
        #expect(try connection.query("SELECT 1 AS one").singleRow()["one"] == "1")
        connection.close()

        let wrong = #expect(throws: PostgresError.self) {
            _ = try PostgresConnection.connect(ConnectionOptions(dsn: dsn + " password=wr0ng-s3cret"))
        }
        #expect(wrong?.code == .connectionFailed)
        #expect(wrong.map { "\($0)".contains("wr0ng-s3cret") } == false)
        #expect(wrong.map { "\($0)".contains("password authentication failed") } == true)

        let missingFile = #expect(throws: PostgresError.self) {
            _ = try PostgresConnection.connect(ConnectionOptions(dsn: dsn, passwordFile: "/nonexistent/pw"))
        }
        #expect(missingFile?.code == .unreadablePasswordFile)
    }

    @Test("an unreachable server is a connection error naming the target")
    func unreachable() throws {
        let error = #expect(throws: PostgresError.self) {
            _ = try PostgresConnection.connect(ConnectionOptions(dsn: "host=127.0.0.1 port=1 dbname=x user=y", connectTimeout: .seconds(2)))
        }
        #expect(error?.code == .connectionFailed)
        #expect(error?.target == "host=127.0.0.1 port=1 dbname=x user=y")
        #expect(error.map { !"\($0)".contains("\n") } == true)
    }

    @Test("a malformed DSN is refused without echoing its secret parts")
    func malformedDSN() {
        let error = #expect(throws: PostgresError.self) {
            _ = try PostgresConnection.connect(ConnectionOptions(dsn: "host=x password=\"s3cret unterminated"))
        }
        #expect(error?.code == .invalidConnectionString)
        #expect(error.map { "\($0)".contains("s3cret") } == false)
        // The name of an option libpq does not know is no secret, and it is what the user must fix.
        let unknown = #expect(throws: PostgresError.self) {
            _ = try PostgresConnection.connect(ConnectionOptions(dsn: "hots=x password=s3cret"))
        }
        #expect(unknown.map { "\($0)".contains(#"invalid connection option "hots""#) } == true, "\(String(describing: unknown))")
        #expect(unknown.map { "\($0)".contains("s3cret") } == false)
    }
}

extension String {
    /// Writes this text at the start (or end) of an existing file.
    func appendingFile(_ path: String, prepend: Bool) throws {
        let existing = try String(contentsOfFile: path, encoding: .utf8)
        try (prepend ? self + existing : existing + self).write(toFile: path, atomically: false, encoding: .utf8)
    }
}
