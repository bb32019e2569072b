import Foundation
import ParityTestSupport
import PostgresClient

// parity-bench: capture throughput and memory side by side with pg_recvlogical on the same WAL, into the SQLite store
// and then into the PostgreSQL store (its own throwaway cluster),
// (mode `lag`) live commit-to-durable lag under a steady pgbench load on both databases, or
// (mode `close`) cycle close, baseline and `parity verify --sources` side by side with data-diff on the same table pair,
// or (mode `close-postgres`) the same closes with the SQLite store, then with the PostgreSQL store and WORKERS
// `parity worker` processes (default 2), beside data-diff, without verify.
// Usage: parity-bench PARITY_BINARY OUTPUT.jsonl [ROWS] [SMALL_TRANSACTIONS]
//        parity-bench lag PARITY_BINARY OUTPUT.jsonl [SECONDS] [TPS_PER_DATABASE]
//        parity-bench close PARITY_BINARY OUTPUT.jsonl [ROWS [STRIDE PER_KIND [heap|random]]]   (data-diff's virtualenv: OUTPUT's folder/venv)
//        parity-bench close-postgres PARITY_BINARY OUTPUT.jsonl [ROWS [STRIDE PER_KIND [WORKERS]]]
//        (every STRIDE-th row changes on both sides, default 50; PER_KIND planted differences of each kind, default 1000;
//        `random`: the shared updates reach the WAL in random key order instead of nearly key order)
// Writes one JSON line per benchmark to OUTPUT.jsonl and a table to stdout.

let arguments = CommandLine.arguments
let mode = arguments.count > 1 && ["close", "close-postgres", "lag"].contains(arguments[1]) ? arguments[1] : "capture"
let positional = mode == "capture" ? Array(arguments.dropFirst()) : Array(arguments.dropFirst(2))
guard positional.count >= 2 else {
    FileHandle.standardError.write(Data("""
        usage: parity-bench PARITY_BINARY OUTPUT.jsonl [ROWS] [SMALL_TRANSACTIONS]
               parity-bench lag PARITY_BINARY OUTPUT.jsonl [SECONDS] [TPS_PER_DATABASE]
               parity-bench close PARITY_BINARY OUTPUT.jsonl [ROWS [STRIDE PER_KIND [heap|random]]]
               parity-bench close-postgres PARITY_BINARY OUTPUT.jsonl [ROWS [STRIDE PER_KIND [WORKERS]]]

        """.utf8))
    exit(2)
}
let parityBinary = positional[0]
let outputPath = positional[1]
/// The `index`-th optional number argument, or `fallback`.
func number(_ index: Int, _ fallback: Int) -> Int {
    positional.count > index ? Int(positional[index]) ?? fallback : fallback
}

do {
    var results: [BenchResult] = []
    switch mode {
    case "close":
        let venv = URL(fileURLWithPath: outputPath).deletingLastPathComponent().appendingPathComponent("venv").path
        let randomOrder = positional.count > 5 && positional[5] == "random"
        let planted = PlantedChanges(rows: number(2, 1_000_000), stride: number(3, 50), perKind: number(4, 1_000), randomOrder: randomOrder)
        results = try CloseRun.run(parityBinary: parityBinary, planted: planted, venvDirectory: venv)
    case "close-postgres":
        let venv = URL(fileURLWithPath: outputPath).deletingLastPathComponent().appendingPathComponent("venv").path
        let planted = PlantedChanges(rows: number(2, 1_000_000), stride: number(3, 50), perKind: number(4, 1_000))
        results = try CloseRun.run(parityBinary: parityBinary, planted: planted, venvDirectory: venv, postgresWorkers: number(5, 2))
    case "lag":
        let bench = try CaptureBench(parityBinary: parityBinary)
        defer { bench.stop() }
        results = try bench.measureLag(seconds: number(2, 60), rate: number(3, 3_000))
    default:
        let rows = number(2, 1_000_000)
        for postgres in [false, true] {
            let store = try postgres ? StoreCluster() : nil
            defer { store?.stop() }
            let bench = try CaptureBench(parityBinary: parityBinary, storeURL: store?.url)
            defer { bench.stop() }
            let suffix = postgres ? "_postgres_store" : ""
            results.append(try bench.measure(
                name: "capture_one_transaction" + suffix, rows: rows, unit: "rows/s",
                load: "INSERT INTO t SELECT g, md5(g::text), g / 100.0, now() FROM generate_series(1, \(rows)) g"))
            results.append(try bench.measureSmallTransactions(count: number(3, 200_000), name: "capture_small_transactions" + suffix))
            results.append(try bench.measureSmallTransactions(
                count: number(3, 200_000), name: "capture_small_transactions_new" + suffix, database: "modern"))
        }
    }
    try results.map(\.jsonLine).joined(separator: "\n").appending("\n").write(toFile: outputPath, atomically: true, encoding: .utf8)
    print(BenchResult.table(results))
} catch {
    FileHandle.standardError.write(Data("parity-bench: \(error)\n".utf8))
    exit(1)
}
