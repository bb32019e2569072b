import Foundation
import GRDB
import ParityConfig
@testable import ParityStore
import ParityModel
import ParityTestSupport
import PostgresClient
import Testing

/// A table mapping added to the config after `parity init` (`parity init --add`), the way a strangler-fig migration adds seams.
@Suite("Adding a table mapping after init")
struct MappingAddTests {
    static let customers = """
        CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL, balance numeric(12,2));
        INSERT INTO customers SELECT g, 'customer ' || g, g * 0.01 FROM generate_series(1, 20000) g;
        """

    static let mapping = """
          - { name: customers, legacy: public.customers, new: public.customers, key: { legacy: [id], new: [id] },
              columns: [{ legacy: name, new: name }, { legacy: balance, new: balance, type: decimal }] }

        """

    /// Inserts, updates and deletes of customers, on rows the copy holds and rows it does not.
    static let customerWrites: MixedWorkload.Script = { random in
        let id = Int.random(in: 1...24000, using: &random)
        return switch Int.random(in: 0..<4, using: &random) {
        case 0: "INSERT INTO customers VALUES (\(id), 'new \(id)', 1) ON CONFLICT (id) DO UPDATE SET name = 'upserted ' || customers.id"
        case 1: "UPDATE customers SET balance = balance + 1.25 WHERE id BETWEEN \(id) AND \(id + 40)"
        case 2: "DELETE FROM customers WHERE id = \(id)"
        default: "UPDATE customers SET name = name || '.' WHERE id = \(id)"
        }
    }

    @Test("under writes before, during and after the copy and one SIGKILL of the command: 0 lost, 0 doubled, first close compares every row")
    func addUnderWrites() throws {
        let scenario = try CaptureScenario()
        defer { scenario.stop() }
        for side in SourceSide.allCases { try scenario.cluster(side).run(Self.customers, database: scenario.database(side)) }
        let config = scenario.configPath
        #expect(try ParityBinary.run(["close", "--config", config]).status == 0)  // the baseline, before customers is mapped

        let writes = MixedWorkload(script: Self.customerWrites)
        writes.start(scenario)
        defer { writes.stop() }
        try runCapture(config, seconds: 1)

        // The mapping enters the config: until init --add, check, close and the gate say so by name.
        let yaml = try String(contentsOfFile: config, encoding: .utf8)
        try yaml.replacingOccurrences(of: "tables:\n", with: "tables:\n" + Self.mapping).write(toFile: config, atomically: true, encoding: .utf8)
        let check = try ParityBinary.run(["check", "--config", config])
        #expect(check.status == 2 && check.output.contains("parity init --add customers"), "\(check.output)")
        let close = try ParityBinary.run(["close", "--config", config])
        #expect(close.output.contains("customers not initialized"), "\(close.output)")
        let gate = try ParityBinary.run(["gate", "--config", config, "--format", "json"])
        #expect(gate.output.contains("customers not initialized"), "\(gate.output)")

        // Killed midway (in the slot's snapshot wait or the copy), then run again to the end.
        let killed = try RunningProcess([ParityBinary.path, "init", "--add", "customers", "--config", config])
        usleep(UInt32.random(in: 150_000...600_000))
        killed.send(SIGKILL)
        let killStatus = killed.wait()
        let add = try ParityBinary.run(["init", "--add", "customers", "--config", config])
        #expect(add.status == 0, "\(add.output)")
        // Killed after both sides' copies committed (a quick machine), the second run finds nothing left to copy.
        #expect(
            add.output.contains(": copied customers") || add.output.contains("already initialized on both sources"),
            "exit \(killStatus): \(add.output)")

        try runCapture(config, seconds: 2)
        writes.stop()
        let final = try ParityBinary.run(["capture", "--config", config, "--until-caught-up", "--timeout", "5m"])
        #expect(final.status == 0, "\(final.output)")
        // Nothing doubled: no change the copy holds (committed before its position) is applied again; nothing lost: the
        // store's rows are the source's, every value.
        let applied = try scenario.store.read { db in
            try Row.fetchOne(db, sql: """
                SELECT count(*) FILTER (WHERE p.commit_lsn < m.copied_at) AS before, count(*) AS total
                FROM pending_change p JOIN mapping_source m ON m.side = p.side AND m.mapping = p.mapping WHERE p.mapping = 'customers'
                """)
        }
        #expect(applied?["before"] == 0 && (applied?["total"] as Int? ?? 0) > 0, "\(String(describing: applied))")
        for side in SourceSide.allCases {
            #expect(try scenario.mismatches(side, mapping: "customers", table: "customers", key: ["id"]) == [], "\(side)")
            #expect(try scenario.mismatches(side, mapping: "orders", table: "orders", key: ["id"]) == [], "\(side)")
        }

        // Its first close compares every row of both sides (its own baseline), and the report says so.
        #expect(try ParityBinary.run(["close", "--force", "--config", config]).status == 0)
        let eod = try ParityBinary.run(["report", "eod", "--config", config, "--format", "json"])
        let document = try JSONSerialization.jsonObject(with: Data(eod.output.utf8)) as? [String: Any]
        let cycle = (document?["cycle"] as? [String: Any])?["id"] as? Int
        let table = (document?["tables"] as? [[String: Any]])?.first { $0["name"] as? String == "customers" }
        var keys = Set<ExactText>()
        for side in SourceSide.allCases {
            keys.formUnion(try scenario.sourceImages(side, table: "customers", key: ["id"]).keys)
        }
        #expect(table?["compared"] as? Int == keys.count, "\(eod.output.prefix(2000))")
        #expect(table?["compared_from"] as? Int == cycle)
        #expect(writes.transactions > 50, "the writes ran before, during and after the copy")
        #expect(!(try ParityBinary.run(["check", "--config", config]).output.contains("init --add")))
    }

    @Test("remove unpublishes the mapping's tables and forgets its rows; added again, it is copied anew")
    func removeThenAddAgain() throws {
        let scenario = try CaptureScenario()
        defer { scenario.stop() }
        for side in SourceSide.allCases { try scenario.cluster(side).run(Self.customers, database: scenario.database(side)) }
        let config = scenario.configPath
        let yaml = try String(contentsOfFile: config, encoding: .utf8)
        try yaml.replacingOccurrences(of: "tables:\n", with: "tables:\n" + Self.mapping).write(toFile: config, atomically: true, encoding: .utf8)
        #expect(try ParityBinary.run(["init", "--add", "customers", "--config", config]).status == 0)
        #expect(try scenario.store.rowCount(side: .new, mapping: "customers") == 20000)

        let removed = try ParityBinary.run(["init", "--remove", "customers", "--config", config])
        #expect(removed.status == 0 && removed.output.contains("new: customers unpublished (public.customers)"), "\(removed.output)")
        #expect(removed.output.contains("still in"), "the config still names it: said")
        #expect(try scenario.store.rowCount(side: .new, mapping: "customers") == 0)
        let published = try scenario.new.connect(database: "modern")
        defer { published.close() }
        #expect(try published.query("SELECT 1 FROM pg_publication_tables WHERE tablename = 'customers'").rows.isEmpty)

        try scenario.new.run("DELETE FROM customers WHERE id > 100", database: "modern")
        #expect(try ParityBinary.run(["init", "--add", "customers", "--config", config]).status == 0)
        #expect(try scenario.store.rowCount(side: .new, mapping: "customers") == 100)
        let unknown = try ParityBinary.run(["init", "--add", "nobody", "--config", config])
        #expect(unknown.status == 2 && unknown.output.contains("no table mapping is named nobody"), "\(unknown.output)")
    }

    /// Runs `parity capture` for about `seconds`, then stops it as a user would (SIGTERM).
    private func runCapture(_ config: String, seconds: Double) throws {
        let capture = try RunningProcess([ParityBinary.path, "capture", "--config", config])
        usleep(UInt32(seconds * 1_000_000))
        capture.send(SIGTERM)
        #expect(capture.wait() == 0, "\(capture.output)")
    }
}
