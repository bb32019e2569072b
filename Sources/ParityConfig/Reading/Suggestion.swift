/// "Did you mean …?" suggestions for misspelled keys and values.
enum Suggestion {
    /// The closest candidate when it is close enough to be a likely typo.
    static func closest(to word: String, among candidates: [String]) -> String? {
        let lowered = word.lowercased()
        let threshold = min(3, max(1, word.count / 3))
        let ranked = candidates
            .map { (candidate: $0, distance: distance(lowered, $0.lowercased())) }
            .filter { $0.distance <= threshold }
            .min { $0.distance < $1.distance }
        return ranked?.candidate
    }

    /// The fix text: a suggestion when one is close, otherwise the full list.
    static func fix(for word: String, among candidates: [String], listLabel: String) -> String {
        if let match = closest(to: word, among: candidates) {
            return "did you mean '\(match)'?"
        }
        return "\(listLabel): \(candidates.joined(separator: ", "))"
    }

    /// Optimal string alignment distance (Levenshtein plus adjacent transpositions).
    static func distance(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs), b = Array(rhs)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var best = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    best = min(best, table[i - 2][j - 2] + 1)
                }
                table[i][j] = best
            }
        }
        return table[a.count][b.count]
    }
}
