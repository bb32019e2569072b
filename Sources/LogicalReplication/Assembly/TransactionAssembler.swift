/// Turns pgoutput messages, in arrival order, into committed transactions of row changes.
///
/// A pure state machine: feed every decoded message with the `dataStart` of its XLogData header to
/// ``messageReceived(_:walStart:)`` and act on the events it returns. After it throws, the stream is
/// unusable: reconnect and start again with a new assembler.
///
/// A Begin/Commit transaction is held whole and handed on at its Commit, unless it grows past
/// `maxHeldChanges`: then it is handed on in chunks and its Commit as a streamed commit (the server
/// sends transactions up to `logical_decoding_work_mem` unstreamed, which can be hundreds of
/// thousands of rows). A streamed transaction is not held: its changes are handed on block by
/// block (at each Stream Stop, or sooner once `maxHeldChanges` are held), then its Stream Commit
/// or Stream Abort. Memory stays bounded by `maxHeldChanges` whatever the transaction's size.
public struct TransactionAssembler: Sendable {
    /// The relations announced so far.
    public private(set) var relations = RelationCache()
    /// The most changes of a transaction or streamed block held before they are handed on.
    public let maxHeldChanges: Int
    private var open: PendingTransaction?
    /// The streamed block being received, with its changes not yet handed on.
    private var block: StreamedChanges?
    /// Streamed transactions begun and not yet committed or aborted.
    private var streamed: Set<UInt32> = []
    /// The origin of each streamed transaction that sent one.
    private var origins: [UInt32: OriginMessage] = [:]

    /// Creates an assembler with no transaction open.
    public init(maxHeldChanges: Int = 10_000) {
        self.maxHeldChanges = maxHeldChanges
    }

    /// Whether no transaction is open, no streamed block is open and no streamed transaction awaits its end,
    /// so a keepalive's WAL end may be confirmed as flushed.
    public var isIdle: Bool {
        open == nil && block == nil && streamed.isEmpty
    }

    /// The xid of the Begin/Commit transaction being received, if any.
    public var openTransactionXID: UInt32? { open?.xid }

    /// The streamed transactions awaiting their Stream Commit or Stream Abort, ascending.
    public var pendingStreamedTransactionXIDs: [UInt32] { streamed.sorted() }

    /// Consumes one message; returns what completed with it: a committed transaction, a
    /// non-transactional logical message, or a streamed transaction's changes, commit or abort.
    public mutating func messageReceived(_ message: PgOutputMessage, walStart: LSN) throws(TransactionAssemblyError) -> AssemblerEvent? {
        func violation(_ code: TransactionAssemblyError.Code, xid: UInt32? = nil, relation: UInt32? = nil) -> TransactionAssemblyError {
            TransactionAssemblyError(code: code, messageID: message.id, walStart: walStart, xid: xid, relationOID: relation)
        }

        switch message {
        case .begin(let begin):
            if let block { throw violation(.beginInsideStreamBlock, xid: block.xid) }
            if let open { throw violation(.nestedBegin, xid: open.xid) }
            open = PendingTransaction(xid: begin.xid)
            return nil

        case .commit(let commit):
            guard var transaction = open, block == nil else { throw violation(.commitWithoutBegin) }
            open = nil
            guard transaction.isStaged else {
                return .transaction(transaction.assembled(commitLSN: commit.commitLSN, endLSN: commit.endLSN, commitTime: commit.commitTime))
            }
            var staged = StreamedCommit(
                xid: transaction.xid, commitLSN: commit.commitLSN, endLSN: commit.endLSN, commitTime: commit.commitTime,
                origin: transaction.origin)
            if transaction.heldChanges > 0 { staged.finalChanges = transaction.drain() }
            return .streamCommitted(staged)

        case .origin(let origin):
            if let xid = block?.xid {
                origins[xid] = origin
            } else if open != nil {
                open?.origin = origin
            } else {
                throw violation(.originOutsideTransaction)
            }
            return nil

        case .relation(let relation):
            relations.relationReceived(relation)
            return nil

        case .type(let type):
            relations.typeReceived(type)
            return nil

        case .insert(let insert):
            let relation = try describe(insert.relationOID, columns: insert.newTuple.columns.count, violation)
            let values = Self.values(insert.newTuple, relation)
            let change = RowChange.insert(RowInsert(relation: relation, key: Self.key(values, relation), values: values, lsn: walStart))
            return try append(change, xid: insert.xid, violation)

        case .update(let update):
            let relation = try describe(update.relationOID, columns: update.newTuple.columns.count, violation)
            var values = Self.values(update.newTuple, relation)
            let newKey = Self.key(values, relation)
            var key = newKey
            var oldValues: RowValues?
            switch update.oldTuple {
            case .key(let tuple):
                _ = try describe(update.relationOID, columns: tuple.columns.count, violation)
                key = Self.key(Self.values(tuple, relation), relation)
            case .full(let tuple):
                _ = try describe(update.relationOID, columns: tuple.columns.count, violation)
                let old = Self.values(tuple, relation)
                key = Self.key(old, relation)
                oldValues = old
                for (name, value) in values where value == .unchanged {
                    if let previous = old[name], previous != .unchanged { values[name] = previous }
                }
            case nil:
                break
            }
            let change = RowChange.update(RowUpdate(relation: relation, key: key, newKey: newKey, oldValues: oldValues, values: values, lsn: walStart))
            return try append(change, xid: update.xid, violation)

        case .delete(let delete):
            let relation = try describe(delete.relationOID, columns: delete.oldTuple.tuple.columns.count, violation)
            let old = Self.values(delete.oldTuple.tuple, relation)
            let oldValues: RowValues? = if case .full = delete.oldTuple { old } else { nil }
            let change = RowChange.delete(RowDelete(relation: relation, key: Self.key(old, relation), oldValues: oldValues, lsn: walStart))
            return try append(change, xid: delete.xid, violation)

        case .truncate(let truncate):
            var described: [RelationDescription] = []
            for oid in truncate.relationOIDs {
                described.append(try describe(oid, columns: nil, violation))
            }
            return try append(.truncate(TableTruncate(relations: described, options: truncate.options, lsn: walStart)), xid: truncate.xid, violation)

        case .message(let logical):
            guard logical.isTransactional else { return .message(logical) }
            if block != nil {
                block?.messages.append(logical)
            } else if open != nil {
                open?.append(logical)
            } else {
                throw violation(.changeOutsideTransaction)
            }
            return nil

        case .streamStart(let start):
            if let block { throw violation(.nestedStreamStart, xid: block.xid) }
            if let open { throw violation(.streamStartInsideTransaction, xid: open.xid) }
            let known = streamed.contains(start.xid)
            if start.isFirstSegment && known { throw violation(.repeatedFirstSegment, xid: start.xid) }
            if !start.isFirstSegment && !known { throw violation(.unknownStreamedTransaction, xid: start.xid) }
            streamed.insert(start.xid)
            block = StreamedChanges(xid: start.xid, startsTransaction: start.isFirstSegment, changes: [], messages: [])
            return nil

        case .streamStop:
            guard let held = block else { throw violation(.streamStopWithoutStart) }
            block = nil
            return .streamedChanges(held)

        case .streamCommit(let commit):
            if block != nil || open != nil { throw violation(.misplacedStreamEnd, xid: commit.xid) }
            guard streamed.remove(commit.xid) != nil else { throw violation(.unknownStreamedTransaction, xid: commit.xid) }
            return .streamCommitted(StreamedCommit(
                xid: commit.xid, commitLSN: commit.commitLSN, endLSN: commit.endLSN, commitTime: commit.commitTime,
                origin: origins.removeValue(forKey: commit.xid)))

        case .streamAbort(let abort):
            if block != nil || open != nil { throw violation(.misplacedStreamEnd, xid: abort.xid) }
            guard streamed.contains(abort.xid) else { throw violation(.unknownStreamedTransaction, xid: abort.xid) }
            if abort.abortsWholeTransaction {
                streamed.remove(abort.xid)
                origins[abort.xid] = nil
            }
            return .streamAborted(StreamedAbort(xid: abort.xid, subtransactionXID: abort.subtransactionXID))
        }
    }

    private func describe(
        _ oid: UInt32, columns: Int?, _ violation: (TransactionAssemblyError.Code, UInt32?, UInt32?) -> TransactionAssemblyError
    ) throws(TransactionAssemblyError) -> RelationDescription {
        guard let relation = relations[oid] else { throw violation(.unknownRelation, nil, oid) }
        if let columns, columns != relation.columns.count { throw violation(.columnCountMismatch, nil, oid) }
        return relation
    }

    /// Adds a change to the open transaction or streamed block; hands the block's changes on once `maxHeldChanges` are held.
    private mutating func append(
        _ change: RowChange, xid: UInt32?, _ violation: (TransactionAssemblyError.Code, UInt32?, UInt32?) -> TransactionAssemblyError
    ) throws(TransactionAssemblyError) -> AssemblerEvent? {
        if let blockXID = block?.xid {
            block?.changes.append(StreamedChange(subtransactionXID: xid ?? blockXID, change: change))
            guard let held = block, held.changes.count >= maxHeldChanges else { return nil }
            block = StreamedChanges(xid: blockXID, startsTransaction: false, changes: [], messages: [])
            return .streamedChanges(held)
        } else if open != nil {
            open?.append(change)
            guard var transaction = open, transaction.heldChanges >= maxHeldChanges else { return nil }
            open = nil  // so draining does not copy the held changes
            let chunk = transaction.drain()
            open = transaction
            return .streamedChanges(chunk)
        } else {
            throw violation(.changeOutsideTransaction, nil, nil)
        }
    }

    private static func values(_ tuple: TupleData, _ relation: RelationDescription) -> RowValues {
        var values = RowValues(minimumCapacity: tuple.columns.count)
        for (column, value) in zip(relation.columns, tuple.columns) {
            values[column.name] = value
        }
        return values
    }

    private static func key(_ values: RowValues, _ relation: RelationDescription) -> RowValues {
        var key = RowValues()
        for column in relation.columns where column.isKey {
            key[column.name] = values[column.name]
        }
        return key
    }
}
