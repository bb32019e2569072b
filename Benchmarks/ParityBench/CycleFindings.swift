import Foundation

/// The row findings of closed cycles as `parity report eod --format json` gives them, by kind.
struct CycleFindings {
    /// Keys per finding kind (`missing_in_new`, `missing_in_legacy`, `value_mismatch`, ...).
    private(set) var keysByKind: [String: Set<String>] = [:]
    /// Sum of `tables[].compared` over the cycles read.
    private(set) var compared = 0

    /// Adds one cycle's eod JSON; keys are the `id` key column's text.
    mutating func add(eodJSON: String) throws {
        guard let json = try JSONSerialization.jsonObject(with: Data(eodJSON.utf8)) as? [String: Any] else {
            throw BenchError("report eod printed no JSON object")
        }
        for table in json["tables"] as? [[String: Any]] ?? [] {
            compared += table["compared"] as? Int ?? 0
        }
        for finding in json["findings"] as? [[String: Any]] ?? [] {
            guard let kind = finding["kind"] as? String, let key = (finding["key"] as? [String: Any])?["id"] as? String else { continue }
            keysByKind[kind, default: []].insert(key)
        }
    }

    /// Whether the findings are exactly the planted ones: the same keys under the same kinds, nothing else.
    func equal(_ planted: PlantedChanges) -> Bool {
        keysByKind == [
            "missing_in_new": planted.missingInNew, "missing_in_legacy": planted.missingInLegacy,
            "value_mismatch": planted.valueMismatch,
        ]
    }
}

/// A benchmark step that failed, with what it printed.
struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
