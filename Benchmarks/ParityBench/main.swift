import Foundation
import ParityTestSupport
import PostgresClient

// parity-bench: capture throughput and memory side by side with pg_recvlogical on the same WAL, or
// (mode `close`) cycle close and baseline side by side with data-diff on the same table pair.
// Usage: parity-bench PARITY_BINARY OUTPUT.jsonl [ROWS] [SMALL_TRANSACTIONS]
//        parity-bench close PARITY_BINARY OUTPUT.jsonl [ROWS [STRIDE PER_KIND]]   (data-diff's virtualenv: OUTPUT's folder/venv)
//        (every STRIDE-th row changes on both sides, default 50; PER_KIND planted differences of each kind, default 1000)
// Writes one JSON line per benchmark to OUTPUT.jsonl and a table to stdout.

let arguments = CommandLine.arguments
let closeMode = arguments.count > 1 && arguments[1] == "close"
let positional = closeMode ? Array(arguments.dropFirst(2)) : Array(arguments.dropFirst())
guard positional.count >= 2 else {
    FileHandle.standardError.write(Data("""
        usage: parity-bench PARITY_BINARY OUTPUT.jsonl [ROWS] [SMALL_TRANSACTIONS]
               parity-bench close PARITY_BINARY OUTPUT.jsonl [ROWS [STRIDE PER_KIND]]

        """.utf8))
    exit(2)
}
let parityBinary = positional[0]
let outputPath = positional[1]
let rows = positional.count > 2 ? Int(positional[2]) ?? 1_000_000 : 1_000_000
let smallTransactions = positional.count > 3 ? Int(positional[3]) ?? 200_000 : 200_000

do {
    var results: [BenchResult] = []
    if closeMode {
        let venv = URL(fileURLWithPath: outputPath).deletingLastPathComponent().appendingPathComponent("venv").path
        let planted = positional.count > 4
            ? PlantedChanges(rows: rows, stride: Int(positional[3]) ?? 50, perKind: Int(positional[4]) ?? 1_000)
            : PlantedChanges(rows: rows)
        results = try CloseRun.run(parityBinary: parityBinary, planted: planted, venvDirectory: venv)
    } else {
        let bench = try CaptureBench(parityBinary: parityBinary)
        defer { bench.stop() }
        results.append(try bench.measure(
            name: "capture_one_transaction", rows: rows, unit: "rows/s",
            load: "INSERT INTO t SELECT g, md5(g::text), g / 100.0, now() FROM generate_series(1, \(rows)) g"))
        results.append(try bench.measureSmallTransactions(count: smallTransactions))
    }
    try results.map(\.jsonLine).joined(separator: "\n").appending("\n").write(toFile: outputPath, atomically: true, encoding: .utf8)
    print(BenchResult.table(results))
} catch {
    FileHandle.standardError.write(Data("parity-bench: \(error)\n".utf8))
    exit(1)
}
