import GRDB
import ParityModel

/// Whether `apply` wrote a transaction or had already applied it.
public enum ApplyOutcome: Sendable, Equatable {
    case applied
    /// The transaction ends at or before the checkpoint: it was applied before a crash or reconnect.
    case alreadyApplied
}

extension ParityStore {
    /// Applies source transactions (in commit order) durably: their changes, the tables they
    /// wrote, and the new checkpoint commit in one store transaction, so a crash keeps all of
    /// them or none (group commit: one fsync for the batch). Returns how many were applied.
    ///
    /// A transaction at or below the checkpoint is skipped (the server re-sends everything after
    /// the last confirmed position), and so is a change of a mapping whose copy already holds it (a mapping
    /// added after init, copied at a later position). Unchanged columns take their value from the key's latest image.
    @discardableResult
    public func apply(_ transactions: [CapturedTransaction], side: SourceSide) throws(StoreError) -> Int {
        try write { db in
            var checkpoint = try checkpoint(side: side, db: db)
            var applied = 0
            var lastCommitTime: Int64?
            var rows = (pending: BatchInsert.pendingChanges(), writes: BatchInsert.transactionWrites())
            let copiedAt = try Self.copiedAt(db, side: side)
            for transaction in transactions {
                let endLSN = Int64(truncatingIfNeeded: transaction.endLSN)
                guard endLSN > checkpoint else { continue }
                try insertChanges(transaction, side: side, copiedAt: copiedAt, into: &rows, db: db)
                checkpoint = endLSN
                lastCommitTime = transaction.commitTime
                applied += 1
            }
            guard let lastCommitTime else { return 0 }
            try rows.pending.flush(db)
            try rows.writes.flush(db)
            try advanceCheckpoint(side: side, to: checkpoint, commitTime: lastCommitTime, db: db)
            return applied
        }
    }

    private func insertChanges(
        _ transaction: CapturedTransaction, side: SourceSide, copiedAt: [String: Int64],
        into rows: inout (pending: BatchInsert, writes: BatchInsert), db: Database
    ) throws {
        let commit = CommitRecord(
            xid: Int64(transaction.xid), commitLSN: Int64(truncatingIfNeeded: transaction.commitLSN), commitTime: transaction.commitTime)
        var counts = side.keepsTransactionWrites ? WriteCounts() : nil
        for (seq, change) in transaction.changes.enumerated() {
            counts?.count(change.operation, table: change.table)
            guard let mapping = change.mapping, commit.commitLSN >= copiedAt[mapping] ?? 0 else { continue }
            var image: String?
            if change.operation == .insert || change.operation == .update {
                if change.image.unchanged.isEmpty {
                    image = try layouts.encode(columns: change.image.columns, values: change.image.values, db)
                } else {
                    try rows.pending.flush(db)  // the previous image may be among them
                    image = try layouts.encode(try resolvedImage(
                        known: change.image.known, unchanged: change.image.unchanged,
                        previousKey: RowJSON.key(change.oldKey ?? change.key), mapping: mapping, before: commit, seq: Int64(seq),
                        side: side, db: db), db)
                }
            }
            try insertPending(
                mapping: mapping, operation: change.operation, key: change.operation == .truncate ? nil : RowJSON.key(change.key),
                oldKey: change.oldKey.map(RowJSON.key), image: image, seq: Int64(seq), commit: commit, side: side,
                into: &rows.pending, db: db)
        }
        try counts?.write(commit, side: side, into: &rows.writes, db: db)
    }
}
