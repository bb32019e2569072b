import ParityModel
import ParityStore

/// The rows one apply or streamed commit writes: pending changes (each under its key's part), truncates, and the
/// tables each transaction wrote, batched.
struct PendingWrites {
    private var changes = BatchInsert(
        table: "pending_change",
        columns: ["part", "side", "mapping", "row_key", "commit_lsn", "seq", "op", "xid", "commit_time", "row_values"])
    private var truncates = BatchInsert(table: "pending_truncate", columns: ["side", "mapping", "commit_lsn", "seq", "commit_time"])
    private var writes = BatchInsert(
        table: "transaction_write",
        columns: ["side", "commit_lsn", "xid", "commit_time", "table_name", "inserts", "updates", "deletes", "truncates"])
    let side: SourceSide
    let placement: KeyPlacement
    /// The earliest commit time of the pending changes added (nil: none), which lowers the side's `unfolded_since`.
    private(set) var earliestChange: Int64?

    init(side: SourceSide, placement: KeyPlacement) {
        self.side = side
        self.placement = placement
    }

    /// Adds a change of a mapped table: its key and image in their stored forms; an update that changed its key also
    /// deletes the old key (`moved`, under the old key's part).
    mutating func change(
        mapping: String, operation: CapturedChange.Operation, key: String?, oldKey: String?, image: String?, seq: Int,
        commit: CommitRecord, in transaction: StoreTransaction
    ) throws {
        if operation == .truncate {
            try truncates.append([side.rawValue, mapping, String(commit.commitLSN), String(seq), String(commit.commitTime)], in: transaction)
            return
        }
        guard let key else { return }
        if let oldKey, oldKey != key {
            try row(mapping: mapping, key: oldKey, op: "moved", image: nil, seq: seq, commit: commit, in: transaction)
        }
        try row(mapping: mapping, key: key, op: operation.rawValue, image: operation == .delete ? nil : image, seq: seq, commit: commit,
                in: transaction)
    }

    private mutating func row(
        mapping: String, key: String, op: String, image: String?, seq: Int, commit: CommitRecord, in transaction: StoreTransaction
    ) throws {
        earliestChange = min(earliestChange ?? commit.commitTime, commit.commitTime)
        try changes.append([
            String(placement.part(of: key, mapping: mapping)), side.rawValue, mapping, key, String(commit.commitLSN), String(seq), op,
            String(commit.xid), String(commit.commitTime), image,
        ], in: transaction)
    }

    /// Adds one transaction_write row: `counts` rows of `table` per operation (inserts, updates, deletes, truncates).
    mutating func tableWrite(_ table: String, counts: [Int], commit: CommitRecord, in transaction: StoreTransaction) throws {
        try writes.append([
            side.rawValue, String(commit.commitLSN), String(commit.xid), String(commit.commitTime), table,
            String(counts[0]), String(counts[1]), String(counts[2]), String(counts[3]),
        ], in: transaction)
    }

    /// Sends every row added so far (before an image is looked up, and at the end).
    mutating func flush(_ transaction: StoreTransaction) throws {
        try changes.flush(transaction)
        try truncates.flush(transaction)
        try writes.flush(transaction)
    }
}
