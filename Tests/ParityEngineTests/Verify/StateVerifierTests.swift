import Foundation
import GRDB
import ParityConfig
import ParityEngine
@testable import ParityStore
import ParityTestSupport
import Reconciliation
import Testing

/// `parity verify --state` on a store built by real cycles: clean, then with its ledger tampered with both ways.
@Suite("parity verify --state")
struct StateVerifierTests {
    @Test("a clean store passes; a ledger missing a difference or holding one the state does not show is named, exit 1")
    func tamperedLedger() throws {
        let scenario = try ReconciliationScenario()
        defer { scenario.stop() }
        let session = try scenario.startCapture()
        session.stop()
        let clean = try StateVerifier.run(scenario.configuration, store: scenario.store)
        #expect(clean.discrepancies.isEmpty && clean.ledgerOpen == 1 && clean.exitCode == 0, "\(clean)")
        #expect(clean.mappings.map(\.compared) == [4], "every baseline row compared again")
        let passing = try ParityBinary.run(["verify", "--state", "--config", scenario.configuration.file])
        #expect(passing.status == 0 && passing.output.contains("verify: PASS"), "\(passing.output)")

        // Order 4's open difference deleted, and one invented for order 1, whose rows are equal.
        try scenario.sqlite.write { db in
            try db.execute(sql: "DELETE FROM difference WHERE row_key = '{\"order_no\":\"4\"}'")
            try db.execute(sql: """
                INSERT INTO difference (mapping, canonical_key, column_name, row_key, kind, legacy, new, first_seen, last_seen)
                VALUES ('orders', '["1"]', 'amount', '{"order_no":"1"}', 'value_mismatch', '10.000', '11.00', 0, 0)
                """)
        }
        let tampered = try StateVerifier.run(scenario.configuration, store: scenario.store)
        #expect(tampered.discrepancies.map { "\($0.problem.rawValue) \($0.subject.keyText) \($0.subject.column ?? "-")" }
                == ["stale_in_ledger order_no=1 amount", "missed_by_closes order_no=4 placed_at"], "\(tampered.discrepancies)")
        let failing = try ParityBinary.run(["verify", "--state", "--format", "json", "--config", scenario.configuration.file])
        #expect(failing.status == 1 && failing.output.contains(#""schema" : "parity.verify/1""#) && failing.output.contains(#""result" : "fail""#))
        #expect(failing.output.contains(#""problem" : "missed_by_closes""#) && failing.output.contains(#""order_no" : "4""#))
        let recorded = try #require(try scenario.store.lastVerification(mode: .state))
        #expect(!recorded.passed && recorded.problems == 2 && recorded.report.contains(#""schema" : "parity.verify/1""#))
        let usage = try ParityBinary.run(["verify", "--config", scenario.configuration.file])
        #expect(usage.status == 2 && usage.output.contains("--state"))
    }
}
