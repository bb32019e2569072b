import Foundation
import ParityModel
import ParityTestSupport

/// pgbench on both databases at once: the built-in TPC-B-like transaction (three updates and a history insert),
/// and one transaction in 100 a bulk insert of `bulkRows` rows into `soak_bulk` that the server streams.
final class PgbenchLoad {
    private let processes: [RunningProcess]

    /// Starts pgbench with `clients` clients at `rate` transactions/s on each database; it stops by itself after `seconds`.
    init(_ scenario: SoakScenario, clients: Int, rate: Int, bulkRows: Int, seconds: Int) throws {
        let script = scenario.scratch.file("bulk.sql")
        try """
            INSERT INTO soak_bulk (batch, n, note) SELECT txid_current(), g, md5(g::text) FROM generate_series(1, \(bulkRows)) g;

            """.write(toFile: script, atomically: true, encoding: .utf8)
        processes = try SourceSide.allCases.map { side in
            try RunningProcess([
                scenario.binaries.path("pgbench"), "-n", "-c", String(clients), "-j", String(min(2, clients)), "-R", String(rate),
                "-T", String(seconds), "-b", "tpcb-like@99", "-f", "\(script)@1",
            ] + scenario.connection(side) + [side.database])
        }
    }

    /// Interrupts both pgbench runs (a transaction in flight rolls back); throws when one had ended before, so the
    /// load did not last as long as the kills.
    func stop() throws {
        processes.forEach { $0.send(SIGINT) }
        for process in processes {
            let status = process.wait()
            guard status == 128 + SIGINT else { throw SoakError("pgbench ended before the kills did (exit \(status)): \(process.output)") }
        }
    }
}
