import Foundation
import ParityTestSupport
import Testing

@Suite("The parity command line")
struct CLITests {
    let scratch: ScratchDirectory

    init() throws {
        scratch = try ScratchDirectory("cli")
    }

    func write(_ yaml: String) throws -> String {
        let path = scratch.file("parity.yaml")
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("parity check exits 0 on a ready pair and prints PASS lines; --format json prints parity.check/1")
    func checkPasses() throws {
        let scenario = try CheckScenario()
        defer { scenario.stop() }
        let config = try write(scenario.yaml())
        let text = try ParityBinary.run(["check", "--config", config])
        #expect(text.status == 0, "\(text.output)")
        #expect(text.output.contains("PASS  wal_level"))
        let json = try ParityBinary.run(["check", "--config", config, "--format", "json"])
        #expect(json.status == 0)
        #expect(json.output.contains("\"schema\" : \"parity.check/1\""))
    }

    @Test("parity check exits 3 when a source is unreachable, without printing its password")
    func checkUnreachable() throws {
        let scenario = try CheckScenario()
        defer { scenario.stop() }
        let config = try write(scenario.yaml(legacyDSN: "${LEGACY_DSN}"))
        let run = try ParityBinary.run(
            ["check", "-c", config], environment: ["LEGACY_DSN": "host=127.0.0.1 port=1 dbname=x user=y password=t0p-s3cret"])
        #expect(run.status == 3)
        #expect(run.output.contains("FAIL  connect"))
        #expect(!run.output.contains("t0p-s3cret"))
    }

    @Test("a malformed DSN or a password file that cannot be read is a configuration error: exit 2, naming the key to fix")
    func checkMisconfiguredConnection() throws {
        let scenario = try CheckScenario()
        defer { scenario.stop() }
        let malformed = try write(scenario.yaml(legacyDSN: "hots=127.0.0.1 password=t0p-s3cret"))
        let dsn = try ParityBinary.run(["check", "--config", malformed])
        #expect(dsn.status == 2, "\(dsn.output)")
        #expect(dsn.output.contains(#"invalid connection option "hots""#) && dsn.output.contains("fix sources.legacy.dsn"), "\(dsn.output)")
        #expect(!dsn.output.contains("t0p-s3cret") && !dsn.output.contains("pg_hba"))
        let directory = try write(scenario.yaml().replacingOccurrences(
            of: "legacy: { dsn:", with: "legacy: { password_file: \"\(scratch.path)\", dsn:"))
        let password = try ParityBinary.run(["check", "--config", directory])
        #expect(password.status == 2, "\(password.output)")
        #expect(password.output.contains("fix sources.legacy.password_file"), "\(password.output)")
    }

    @Test("check names every privilege init needs: CREATE on the database and ownership of what it publishes, with the GRANTs")
    func checkInitPrivileges() throws {
        let scenario = try CheckScenario()
        defer { scenario.stop() }
        try scenario.legacy.run("""
            CREATE ROLE parity_ro LOGIN REPLICATION;
            REVOKE CREATE ON DATABASE legacy FROM PUBLIC;
            GRANT SELECT ON ALL TABLES IN SCHEMA public TO parity_ro;
            """, database: "legacy")
        let config = try write(scenario.yaml(legacyDSN: scenario.legacy.dsn(database: "legacy", user: "parity_ro")))
        let run = try ParityBinary.run(["check", "--config", config])
        #expect(run.status == 3, "\(run.output)")
        #expect(run.output.contains("FAIL  create_publication") && run.output.contains("GRANT CREATE ON DATABASE legacy TO parity_ro;"),
                "\(run.output)")
        #expect(run.output.contains("FAIL  table_owner") && run.output.contains("GRANT postgres TO parity_ro;"), "\(run.output)")
        #expect(run.output.contains("FAIL  watched_table_owner") && run.output.contains("public.audit_log (postgres)"), "\(run.output)")
        try scenario.legacy.run("GRANT CREATE ON DATABASE legacy TO parity_ro; GRANT postgres TO parity_ro;", database: "legacy")
        let granted = try ParityBinary.run(["check", "--config", config])
        #expect(granted.status == 0, "\(granted.output)")
    }

    @Test("a config without any table mapping does not pass check")
    func checkWithoutTables() throws {
        let scenario = try CheckScenario()
        defer { scenario.stop() }
        let config = try write(scenario.yaml().components(separatedBy: "\ntables:").first! + "\ntables: []\n")
        let run = try ParityBinary.run(["check", "--config", config])
        #expect(run.status == 2 && run.output.contains("FAIL  tables"), "\(run.output)")
    }

    @Test("a bad config exits 2 naming the file, line and key path of every issue; with --format json also as parity.error/1")
    func badConfig() throws {
        let config = try write("""
            sources:
              legacy: { dsn: "host=a" }
              new: { dsn: "host=b", slot: "Bad Slot" }
            cycle: { period: forever }
            """)
        let run = try ParityBinary.run(["check", "--config", config])
        #expect(run.status == 2)
        #expect(run.output.contains("\(config):3:"))
        #expect(run.output.contains("sources.new.slot"))
        #expect(run.output.contains("cycle.period"))
        // With --format json, standard output carries parity.error/1 (standard error keeps the lines).
        let json = try CommandRunner.run(["/bin/sh", "-c", "'\(ParityBinary.path)' status --format json --config '\(config)' 2>/dev/null"])
        #expect(json.status == 2)
        let document = try #require(JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any], "\(json.output)")
        let error = try #require(document["error"] as? [String: Any])
        let issues = try #require(error["issues"] as? [[String: Any]])
        #expect(document["schema"] as? String == "parity.error/1")
        #expect(error["code"] as? String == "configuration" && error["exit_code"] as? Int == 2)
        #expect(issues.contains { ($0["path"] as? String) == "sources.new.slot" && ($0["line"] as? Int) == 3 }, "\(issues)")
        // Without it, nothing on standard output.
        let text = try CommandRunner.run(["/bin/sh", "-c", "'\(ParityBinary.path)' status --config '\(config)' 2>/dev/null"])
        #expect(text.status == 2 && text.output.isEmpty, "\(text.output)")
    }

    @Test("an engine error with --format json: parity.error/1 on standard output with the message, fix and exit code")
    func engineErrorAsJSON() throws {
        let config = try write("""
            store: { path: "\(scratch.file("parity.sqlite"))" }
            sources:
              legacy: { dsn: "host=127.0.0.1 port=1 dbname=x user=y" }
              new: { dsn: "host=127.0.0.1 port=1 dbname=x user=y" }
            tables:
              - { name: orders, legacy: public.orders, new: public.orders, key: { legacy: [id], new: [id] }, columns: [{ legacy: a, new: a }] }
            """)
        let run = try CommandRunner.run(["/bin/sh", "-c", "'\(ParityBinary.path)' report eod --format json --config '\(config)' 2>/dev/null"])
        #expect(run.status == 2)
        let document = try #require(JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any], "\(run.output)")
        let error = try #require(document["error"] as? [String: Any])
        #expect(error["message"] as? String == "no cycle is closed yet")
        #expect((error["fix"] as? String)?.hasPrefix("run parity close") == true, "\(error)")
        #expect(error["exit_code"] as? Int == 2)
    }

    @Test("usage errors exit 2; a missing config file is one clear line")
    func usage() throws {
        #expect(try ParityBinary.run(["check", "--format", "yaml"]).status == 2)
        let missing = try ParityBinary.run(["check", "--config", "/nonexistent/parity.yaml"])
        #expect(missing.status == 2)
        #expect(missing.output.contains("/nonexistent/parity.yaml"))
        #expect(try ParityBinary.run(["--version"]).output.contains("0.1.0"))
        let period = try ParityBinary.run(["demo", "--period", "90s"])
        #expect(period.status == 2 && period.output.contains("--period takes a duration from 2s to 60s"), "\(period.output)")
        for command in ["init", "capture", "status", "close", "verify", "gate", "run", "inventory", "teardown"] {
            let help = try ParityBinary.run([command, "--help"]).output
            #expect(!help.contains("\\"), "parity \(command) --help prints a literal backslash: \(help)")
        }
    }
}

@Suite("parity init and teardown from the command line")
struct InitCLITests {
    let scratch: ScratchDirectory

    init() throws {
        scratch = try ScratchDirectory("cli")
    }

    @Test("init prints slots and baseline counts, refuses a second run with exit 2, teardown drops everything")
    func initAndTeardown() throws {
        let scenario = try CheckScenario()
        defer { scenario.stop() }
        try scenario.legacy.run("INSERT INTO orders VALUES (1, 'O', 1.00, NULL, NULL, 1)", database: "legacy")
        let storePath = scratch.file("parity.sqlite")
        let config = scratch.file("parity.yaml")
        try ("store: { path: \"\(storePath)\" }\n" + scenario.yaml(ignore: "{ legacy: [row_version, ref] }"))
            .write(toFile: config, atomically: true, encoding: .utf8)

        let first = try ParityBinary.run(["init", "--config", config])
        #expect(first.status == 0, "\(first.output)")
        #expect(first.output.contains("legacy: slot parity_legacy at "))
        #expect(first.output.contains("baseline orders: 1 legacy rows, 0 new rows copied"))

        let second = try ParityBinary.run(["init", "--config", config])
        #expect(second.status == 2)
        #expect(second.output.contains("already initialized"))

        let teardown = try ParityBinary.run(["teardown", "--config", config])
        #expect(teardown.status == 0, "\(teardown.output)")
        #expect(teardown.output.contains("legacy: dropped slot parity_legacy (released "))
        #expect(teardown.output.contains("dropped publication parity_legacy, parity_legacy_insert_only"))
    }

    @Test("init with a failing check prints the report, creates nothing and exits with the check's code")
    func initFailingCheck() throws {
        let scenario = try CheckScenario(legacySettings: ["wal_level": "replica"])
        defer { scenario.stop() }
        let config = scratch.file("parity.yaml")
        let storePath = scratch.file("parity.sqlite")
        try ("store: { path: \"\(storePath)\" }\n" + scenario.yaml()).write(toFile: config, atomically: true, encoding: .utf8)
        let run = try ParityBinary.run(["init", "--config", config])
        #expect(run.status == 3)
        #expect(run.output.contains("FAIL  wal_level"))
        #expect(run.output.contains("init created nothing"))
    }
}
