/// A change of a streamed source transaction that has not committed yet.
public struct StagedChange: Sendable, Equatable {
    /// The (sub)transaction that made the change; rolling it back drops this change and every later one.
    public var subxid: UInt32
    /// The change; `.unchanged` values are resolved when the transaction commits.
    public var change: CapturedChange

    /// Creates a staged change.
    public init(subxid: UInt32, change: CapturedChange) {
        self.subxid = subxid
        self.change = change
    }
}

/// The commit of a streamed source transaction whose changes are staged.
public struct StreamedCommitRecord: Sendable, Equatable {
    /// The top-level transaction ID the changes were staged under.
    public var xid: UInt32
    /// LSN of the commit record (orders transactions; part of each change's identity).
    public var commitLSN: UInt64
    /// End LSN: the position to confirm once this transaction is durable.
    public var endLSN: UInt64
    /// Commit time, microseconds since 1970-01-01 UTC (source clock).
    public var commitTime: Int64

    /// Creates a commit record.
    public init(xid: UInt32, commitLSN: UInt64, endLSN: UInt64, commitTime: Int64) {
        self.xid = xid
        self.commitLSN = commitLSN
        self.endLSN = endLSN
        self.commitTime = commitTime
    }
}
