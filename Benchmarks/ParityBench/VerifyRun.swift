import Foundation
import ParityTestSupport
import PostgresClient

/// `parity verify --sources` on the close benchmark's table pair while `parity capture` runs, after drifts were planted on
/// legacy behind capture's back: rows deleted, changed and inserted while the table was out of Parity's publications, so
/// the slot decodes them but never sends them. Verify must report exactly those rows, and nothing on the new side.
/// (Dropping and re-creating the slot would no longer do: capture stops on a slot confirmed past its store, as it must.)
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
        let run: TimedRun
        do {
            run = try bench.parity.run(["verify", "--sources", "--format", "json"], allowed: [0, 1])
        } catch {
            throw BenchError("\(error)\ncapture printed:\n\(capture.output)")
        }
        let drifts = try Self.drifts(in: run.output)
        return (run, drifts, drifts == planted)
    }

    /// With `orders` out of every publication it is in, deletes, changes and inserts rows (odd ids below 110, even ids
    /// from 204, new ids after twice the table), then puts it back: the slot's decoding filters those writes out.
    private func plant() throws {
        let legacy = try bench.cluster.connect(database: "legacy")
        defer { legacy.close() }
        let publications = try legacy.query("""
            SELECT quote_ident(pubname) AS name FROM pg_publication_tables WHERE schemaname = 'public' AND tablename = 'orders'
            """).rows.map { try $0.decode(String.self, "name") }
        guard !publications.isEmpty else { throw BenchError("orders is in no publication: was parity init run?") }
        let ids = { (first: Int) in (1...Self.perKind).map { String(first + 2 * $0) }.joined(separator: ", ") }
        let first = 2 * bench.planted.rows
        try legacy.execute(unsafeScript: """
            \(publications.map { "ALTER PUBLICATION \($0) DROP TABLE public.orders;" }.joined(separator: "\n"))
            DELETE FROM orders WHERE id IN (\(ids(101)));
            UPDATE orders SET status = status || ' (planted)' WHERE id IN (\(ids(202)));
            INSERT INTO orders SELECT g, 'open', 1.00, now() FROM generate_series(\(first + 1), \(first + Self.perKind)) g;
            \(publications.map { "ALTER PUBLICATION \($0) ADD TABLE public.orders;" }.joined(separator: "\n"))
            """)
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
