/// Plain-text tables for terminal reports: columns padded to their widest cell.
enum TextColumns {
    /// `rows` (the first is usually a header) as lines, each column padded to its widest cell plus two spaces
    /// (left-aligned, or right-aligned for the `rightAligned` column indices), trailing spaces trimmed.
    static func lines(_ rows: [[String]], indent: String = "", rightAligned: Set<Int> = []) -> [String] {
        let widths = rows.reduce(into: [Int]()) { widths, row in
            for (index, cell) in row.enumerated() {
                if index == widths.count { widths.append(0) }
                widths[index] = max(widths[index], cell.count)
            }
        }
        return rows.map { row in
            let padded = row.enumerated().map { index, cell in
                let fill = String(repeating: " ", count: widths[index] - cell.count)
                return (rightAligned.contains(index) ? fill + cell : cell + fill) + "  "
            }
            var line = indent + padded.joined()
            while line.last == " " { line.removeLast() }
            return line
        }
    }
}
