/// The changes of one transaction not yet committed, with the latest image of each row it touched.
struct PendingTransaction: Sendable {
    enum Item: Sendable {
        case change(RowChange)
        case message(LogicalMessage)
    }

    struct Entry: Sendable {
        /// The (sub)transaction that made the change.
        var xid: UInt32
        var item: Item
    }

    struct RowIdentity: Hashable, Sendable {
        var relationOID: UInt32
        var key: RowValues
    }

    let xid: UInt32
    var origin: OriginMessage?
    private(set) var entries: [Entry] = []
    /// The latest known values of each row changed in this transaction, for merging `u` columns.
    private var images: [RowIdentity: RowValues] = [:]

    init(xid: UInt32) {
        self.xid = xid
    }

    mutating func append(_ message: LogicalMessage, subtransaction: UInt32) {
        entries.append(Entry(xid: subtransaction, item: .message(message)))
    }

    /// Fills `.unchanged` values of an update from the earlier image of the same row, then records it.
    mutating func append(_ change: RowChange, subtransaction: UInt32) {
        var change = change
        if case .update(var update) = change, update.values.values.contains(.unchanged),
           let earlier = images[RowIdentity(relationOID: update.relation.oid, key: update.key)] {
            for (name, value) in update.values where value == .unchanged {
                if let previous = earlier[name], previous != .unchanged {
                    update.values[name] = previous
                }
            }
            change = .update(update)
        }
        remember(change)
        entries.append(Entry(xid: subtransaction, item: .change(change)))
    }

    private mutating func remember(_ change: RowChange) {
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

    /// Drops the changes from the first one made by `subtransaction` onward.
    mutating func abort(subtransaction: UInt32) {
        guard let first = entries.firstIndex(where: { $0.xid == subtransaction }) else { return }
        entries.removeSubrange(first...)
        images = [:]
        for entry in entries {
            if case .change(let change) = entry.item { remember(change) }
        }
    }

    func assembled(commitLSN: LSN, endLSN: LSN, commitTime: PostgresTimestamp, wasStreamed: Bool) -> AssembledTransaction {
        var changes: [RowChange] = []
        var messages: [LogicalMessage] = []
        for entry in entries {
            switch entry.item {
            case .change(let change): changes.append(change)
            case .message(let message): messages.append(message)
            }
        }
        return AssembledTransaction(
            xid: xid, commitLSN: commitLSN, endLSN: endLSN, commitTime: commitTime, origin: origin,
            changes: changes, messages: messages, wasStreamed: wasStreamed
        )
    }
}
