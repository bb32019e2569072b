import Foundation

/// One benchmark figure next to its peer's, as a JSON line and a table row.
struct BenchResult {
    let name: String
    let figure: Double
    let unit: String
    let peer: String
    let peerFigure: Double
    let rows: Int
    let peakRSSMegabytes: Double

    var ratio: Double { figure / peerFigure }

    var jsonLine: String {
        String(
            format: #"{"name":"%@","figure":%.0f,"unit":"%@","peer":"%@","peer_figure":%.0f,"ratio":%.3f,"rows":%d,"peak_rss_mb":%.1f}"#,
            name, figure, unit, peer, peerFigure, ratio, rows, peakRSSMegabytes)
    }

    static func table(_ results: [BenchResult]) -> String {
        var lines = ["benchmark                     parity          pg_recvlogical  ratio  rows      peak RSS"]
        for result in results {
            lines.append(String(
                format: "%-29@ %9.0f %-5@ %9.0f        %5.2f  %-9d %.0f MB",
                result.name, result.figure, result.unit == "rows/s" ? "r/s" : "tx/s", result.peerFigure, result.ratio,
                result.rows, result.peakRSSMegabytes))
        }
        return lines.joined(separator: "\n")
    }
}
