import Foundation

/// One benchmark figure next to its peer's, as a JSON line and a table row.
struct BenchResult {
    let name: String
    let figure: Double
    let unit: String
    let peer: String
    /// The peer's figure in the same unit; nil when the peer could not run.
    let peerFigure: Double?
    let rows: Int
    let peakRSSMegabytes: Double
    /// For times (seconds): the ratio is then peer / Parity, so above 1 means Parity is faster.
    var lowerIsBetter = false
    /// Whether the result was checked against the ground truth, when there is one.
    var correct: Bool? = nil
    /// Whether the peer's result was checked against the ground truth, when there is one.
    var peerCorrect: Bool? = nil

    /// Parity relative to the peer, above 1 when Parity is better.
    var ratio: Double? {
        guard let peerFigure, peerFigure > 0, figure > 0 else { return nil }
        return lowerIsBetter ? peerFigure / figure : figure / peerFigure
    }

    /// The result as one JSON object on one line (null for a missing peer figure or ratio).
    var jsonLine: String {
        let number = { (value: Double?, format: String) in value.map { String(format: format, $0) } ?? "null" }
        return String(
            format: #"{"name":"%@","figure":%@,"unit":"%@","peer":"%@","peer_figure":%@,"ratio":%@,"rows":%d,"peak_rss_mb":%.1f%@%@}"#,
            name, number(figure, "%.3f"), unit, peer, number(peerFigure, "%.3f"), number(ratio, "%.3f"), rows, peakRSSMegabytes,
            correct.map { #","correct":\#($0)"# } ?? "", peerCorrect.map { #","peer_correct":\#($0)"# } ?? "")
    }

    /// The results as an aligned text table.
    static func table(_ results: [BenchResult]) -> String {
        let header = ["benchmark", "parity", "unit", "peer", "peer figure", "ratio", "rows", "peak RSS", "correct", "peer correct"]
        let rows = results.map { result in
            [result.name, String(format: "%.2f", result.figure), result.unit, result.peer,
             result.peerFigure.map { String(format: "%.2f", $0) } ?? "-", result.ratio.map { String(format: "%.2f", $0) } ?? "-",
             String(result.rows), String(format: "%.0f MB", result.peakRSSMegabytes), mark(result.correct), mark(result.peerCorrect)]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        return ([header] + rows).map { cells in
            zip(cells, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    private static func mark(_ check: Bool?) -> String {
        check.map { $0 ? "yes" : "NO" } ?? ""
    }
}
