import ParityConfig
import ParityModel
import Reconciliation
import SourceQueries

/// A spilled source table's rows (``SourceRowEncoder``) read back in the store's key order, each key once: of rows
/// sharing a key (a table without a unique key), the last read counts. The source sorted them (``StoreKeyOrder``); a row out of that order
/// stops the comparison, which merges in it.
struct SpilledRows {
    private let spill: LineSpill
    private let columns: [String]
    private let side: SourceSide
    private let table: QualifiedName
    private var pending: SourceTableComparison.SourceRow?
    private var started = false

    init(_ spill: LineSpill, columns: [String], side: SourceSide, table: QualifiedName) {
        self.spill = spill
        self.columns = columns
        self.side = side
        self.table = table
    }

    /// The next row; nil after the last.
    mutating func next() throws(EngineError) -> SourceTableComparison.SourceRow? {
        if !started {
            pending = try read()
            started = true
        }
        guard var row = pending else { return nil }
        while let following = try read() {
            if CanonicalKeyOrder.equal(following.key, row.key) {
                row = following
                continue
            }
            guard CanonicalKeyOrder.precedes(row.key, following.key) else {
                throw EngineError(.bug, source: side.rawValue, message: "rows of \(table) reached verify out of the store's key order",
                                  fix: "report this as a Parity bug, naming the key columns' types")
            }
            pending = following
            return row
        }
        pending = nil
        return row
    }

    private func read() throws(EngineError) -> SourceTableComparison.SourceRow? {
        try spill.nextLine().map { SourceRowEncoder.row($0, columns: columns) }
    }
}
