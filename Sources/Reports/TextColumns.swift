/// Plain-text tables for terminal reports: columns padded to their widest cell.
enum TextColumns {
    /// `rows` (the first is usually a header) as lines, each column padded to its widest cell plus two spaces
    /// (left-aligned, or right-aligned for the `rightAligned` column indices), trailing spaces trimmed.
    /// Cells are made `Escaping.visible`; a cell of any column but the last is cut to `Escaping.textWidth` with `…`, so
    /// one huge value cannot pad every row (the last column pads nothing and is shown whole).
    static func lines(_ rows: [[String]], indent: String = "", rightAligned: Set<Int> = []) -> [String] {
        let columns = rows.map(\.count).max() ?? 0
        let rows = rows.map { row in
            row.enumerated().map { index, cell in index < columns - 1 ? Escaping.shortened(cell) : Escaping.visible(cell) }
        }
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
