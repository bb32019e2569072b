/// The changes of one Begin/Commit transaction not yet committed, with the latest image of each row it touched.
///
/// A large one is handed on in chunks (`drain()`), like a streamed transaction: then it no longer
/// merges `u` columns itself (earlier images left with earlier chunks) and the store resolves them.
struct PendingTransaction: Sendable {
    struct RowIdentity: Hashable, Sendable {
        var relationOID: UInt32
        var key: RowValues
    }

    let xid: UInt32
    var origin: OriginMessage?
    private var changes: [RowChange] = []
    private var messages: [LogicalMessage] = []
    /// The latest known values of each row changed in this transaction, for merging `u` columns.
    private var images: [RowIdentity: RowValues] = [:]

    /// Whether chunks of this transaction were already handed on.
    private(set) var isStaged = false

    init(xid: UInt32) {
        self.xid = xid
    }

    /// How many changes are held.
    var heldChanges: Int { changes.count }

    /// Hands on the held changes and messages as the next chunk and forgets them and the row images.
    mutating func drain() -> StreamedChanges {
        let chunk = StreamedChanges(
            xid: xid, startsTransaction: !isStaged,
            changes: changes.map { StreamedChange(subtransactionXID: xid, change: $0) }, messages: messages)
        changes.removeAll()
        messages.removeAll()
        images.removeAll()
        isStaged = true
        return chunk
    }

    mutating func append(_ message: LogicalMessage) {
        messages.append(message)
    }

    /// Fills `.unchanged` values of an update from the earlier image of the same row, then records it.
    mutating func append(_ change: RowChange) {
        var change = change
        if !isStaged, case .update(var update) = change, update.values.values.contains(.unchanged),
           let earlier = images[RowIdentity(relationOID: update.relation.oid, key: update.key)] {
            for (name, value) in update.values where value == .unchanged {
                if let previous = earlier[name], previous != .unchanged {
                    update.values[name] = previous
                }
            }
            change = .update(update)
        }
        remember(change)
        changes.append(change)
    }

    private mutating func remember(_ change: RowChange) {
        guard !isStaged else { return }
        switch change {
        case .insert(let insert):
            if !insert.key.isEmpty {
                images[RowIdentity(relationOID: insert.relation.oid, key: insert.key)] = insert.values
            }
        case .update(let update):
            if !update.key.isEmpty {
                images[RowIdentity(relationOID: update.relation.oid, key: update.key)] = nil
            }
            if !update.newKey.isEmpty {
                images[RowIdentity(relationOID: update.relation.oid, key: update.newKey)] = update.values
            }
        case .delete(let delete):
            images[RowIdentity(relationOID: delete.relation.oid, key: delete.key)] = nil
        case .truncate(let truncate):
            let oids = Set(truncate.relations.map(\.oid))
            images = images.filter { !oids.contains($0.key.relationOID) }
        }
    }

    func assembled(commitLSN: LSN, endLSN: LSN, commitTime: PostgresTimestamp) -> AssembledTransaction {
        AssembledTransaction(
            xid: xid, commitLSN: commitLSN, endLSN: endLSN, commitTime: commitTime, origin: origin,
            changes: changes, messages: messages
        )
    }
}
