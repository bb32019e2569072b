import Foundation
import ParityTestSupport
import PostgresClient

/// `parity verify --sources` on the close benchmark's table pair while `parity capture` runs, after drifts were planted on
/// legacy behind capture's back: its slot dropped, rows deleted, changed and inserted, the slot made again. Verify must
/// report exactly those rows, and nothing on the new side.
struct VerifyRun {
    /// Planted drifts of each kind.
    static let perKind = 3

    let bench: CloseBench

    /// The keys planted, as `id problem columns` lines, the way ``drifts(in:)`` reads verify's report.
    var planted: Set<String> {
        let first = 2 * bench.planted.rows
        return Set((1...Self.perKind).flatMap { index in
            ["legacy \(101 + 2 * index) extra_in_store", "legacy \(202 + 2 * index) different_value status",
             "legacy \(first + index) missing_in_store"]
        })
    }

    /// Plants the drifts, starts capture, times verify, stops capture; returns the run and whether it found exactly them.
    func run() throws -> (run: TimedRun, drifts: Set<String>, correct: Bool) {
        try plant()
        let capture = try RunningProcess([bench.parity.binary, "capture", "--config", bench.parity.configPath])
        defer {
            capture.send(SIGTERM)
            _ = capture.wait()
        }
        let run = try bench.parity.run(["verify", "--sources", "--format", "json"], allowed: [0, 1])
        let drifts = try Self.drifts(in: run.output)
        return (run, drifts, drifts == planted)
    }

    /// With legacy's slot gone, deletes, changes and inserts rows (odd ids below 110, even ids from 204, new ids after
    /// twice the table), then makes the slot again where the WAL now ends: capture never sees those writes.
    private func plant() throws {
        let legacy = try bench.cluster.connect(database: "legacy")
        defer { legacy.close() }
        try dropSlot("parity_legacy", on: legacy)
        let ids = { (first: Int) in (1...Self.perKind).map { String(first + 2 * $0) }.joined(separator: ", ") }
        let first = 2 * bench.planted.rows
        try legacy.execute(unsafeScript: """
            DELETE FROM orders WHERE id IN (\(ids(101)));
            UPDATE orders SET status = status || ' (planted)' WHERE id IN (\(ids(202)));
            INSERT INTO orders SELECT g, 'open', 1.00, now() FROM generate_series(\(first + 1), \(first + Self.perKind)) g;
            """)
        try legacy.query("SELECT pg_create_logical_replication_slot('parity_legacy', 'pgoutput')")
    }

    /// Drops a slot, retrying while the walsender of the capture that last used it lets go.
    private func dropSlot(_ name: String, on connection: PostgresConnection) throws {
        for _ in 0..<100 {
            do {
                try connection.query("SELECT pg_drop_replication_slot(\(name))")
                return
            } catch {
                guard error.sqlState == "55006" else { throw error }
                Thread.sleep(forTimeInterval: 0.1)
            }
        }
        throw BenchError("slot \(name) stayed active")
    }

    /// Every drift of a `parity.verify/1` document as `side id problem columns`.
    static func drifts(in json: String) throws -> Set<String> {
        guard let start = json.firstIndex(of: "{"),
              let document = try JSONSerialization.jsonObject(with: Data(json[start...].utf8)) as? [String: Any],
              let drifts = document["drifts"] as? [[String: Any]]
        else { throw BenchError("verify printed no parity.verify/1 document: \(json.prefix(400))") }
        return Set(drifts.map { drift in
            let id = (drift["key"] as? [String: Any])?["id"] as? String ?? "?"
            let columns = (drift["columns"] as? [String] ?? []).joined(separator: ",")
            return ["\(drift["source"] ?? "?")", id, "\(drift["problem"] ?? "?")", columns].filter { !$0.isEmpty }.joined(separator: " ")
        })
    }
}
