import Foundation
import ParityTestSupport
import PostgresClient

// parity-bench: capture throughput and memory, side by side with pg_recvlogical on the same WAL.
// Usage: parity-bench PARITY_BINARY OUTPUT.jsonl [ROWS] [SMALL_TRANSACTIONS]
// Writes one JSON line per benchmark to OUTPUT.jsonl and a table to stdout.

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: parity-bench PARITY_BINARY OUTPUT.jsonl [ROWS] [SMALL_TRANSACTIONS]\n".utf8))
    exit(2)
}
let parityBinary = arguments[1]
let outputPath = arguments[2]
let rows = arguments.count > 3 ? Int(arguments[3]) ?? 1_000_000 : 1_000_000
let smallTransactions = arguments.count > 4 ? Int(arguments[4]) ?? 200_000 : 200_000

do {
    let bench = try CaptureBench(parityBinary: parityBinary)
    defer { bench.stop() }
    var results: [BenchResult] = []
    results.append(try bench.measure(
        name: "capture_one_transaction", rows: rows, unit: "rows/s",
        load: "INSERT INTO t SELECT g, md5(g::text), g / 100.0, now() FROM generate_series(1, \(rows)) g"))
    results.append(try bench.measureSmallTransactions(count: smallTransactions))
    try results.map(\.jsonLine).joined(separator: "\n").appending("\n").write(toFile: outputPath, atomically: true, encoding: .utf8)
    print(BenchResult.table(results))
} catch {
    FileHandle.standardError.write(Data("parity-bench: \(error)\n".utf8))
    exit(1)
}
