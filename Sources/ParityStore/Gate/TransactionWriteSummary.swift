import ParityModel

/// What retiring a run of `transaction_write` rows keeps of them, exact for every reader: the rows written per table in
/// each closed cycle's window (the gate's reading), and the transactions per ``WriteSignature`` with the first one's
/// commit time (the contracts export's co-write patterns). A row counts under the closed cycle its commit time belongs to
/// (``ClosedWindows``), or, in none, only in the signatures. The stores group the rows in SQL; this adds up their groups.
package struct TransactionWriteSummary {
    /// The rows a store retires in one step at most, besides the rest of its last commit time's (whole transactions).
    package static let rowsPerStep = 50_000

    /// Transactions of one signature, and the earliest commit time among them.
    package struct SignatureCount: Equatable, Sendable {
        package var transactions: Int
        package var firstCommit: Int64
    }

    /// A signature's count to add to a stored one (`isNew` false) or to store under a new id.
    package struct SignatureWrite: Equatable {
        package var id: Int64
        package var signature: WriteSignature
        package var count: SignatureCount
        package var isNew: Bool
    }

    /// A cycle and a table (the key of ``cycleRows``).
    package struct CycleTable: Hashable {
        package var cycle: Int64
        package var table: ExactText
    }

    /// Where retired rows belong.
    package let windows: ClosedWindows
    /// Rows written per cycle and table.
    package private(set) var cycleRows: [CycleTable: Int] = [:]
    /// Transactions per signature.
    package private(set) var signatures: [WriteSignature: SignatureCount] = [:]

    /// An empty summary over the windows of `cycles` (the closed ones).
    package init(cycles: [CycleRecord]) {
        windows = ClosedWindows(cycles)
    }

    /// Adds `rows` rows written to `table` by transactions committed at `time`.
    package mutating func add(rows: Int, table: ExactText, committedAt time: Int64) {
        guard let cycle = windows.cycle(containing: time) else { return }
        cycleRows[CycleTable(cycle: cycle, table: table), default: 0] += rows
    }

    /// Adds `transactions` transactions that each wrote `signature`, the earliest committed at `firstCommit`.
    package mutating func add(transactions: Int, signature: WriteSignature, firstCommit: Int64) {
        if var count = signatures[signature] {
            count.transactions += transactions
            count.firstCommit = min(count.firstCommit, firstCommit)
            signatures[signature] = count
        } else {
            signatures[signature] = SignatureCount(transactions: transactions, firstCommit: firstCommit)
        }
    }

    /// The signature writes that add this summary to the stored signatures `known` (by signature, their ids): new
    /// signatures take ids after the largest known, the earliest first.
    package func signatureWrites(known: [WriteSignature: Int64]) -> [SignatureWrite] {
        var next = (known.values.max() ?? 0) + 1
        return signatures.sorted { $0.value.firstCommit < $1.value.firstCommit }
            .map { signature, count in
                if let id = known[signature] { return SignatureWrite(id: id, signature: signature, count: count, isNew: false) }
                defer { next += 1 }
                return SignatureWrite(id: next, signature: signature, count: count, isNew: true)
            }
    }

    /// The stored signatures from their table rows (signature id and one table each), by signature.
    package static func knownSignatures(_ rows: [(id: Int64, write: TableWrite)]) -> [WriteSignature: Int64] {
        let tables = Dictionary(grouping: rows, by: \.id)
        return Dictionary(uniqueKeysWithValues: tables.map { id, rows in (WriteSignature(rows.map(\.write)), id) })
    }
}
