/// Turns pgoutput messages, in arrival order, into committed transactions of row changes.
///
/// A pure state machine: feed every decoded message with the `dataStart` of its XLogData header to
/// ``messageReceived(_:walStart:)`` and act on the events it returns. After it throws, the stream is
/// unusable: reconnect and start again with a new assembler.
public struct TransactionAssembler: Sendable {
    /// The relations announced so far.
    public private(set) var relations = RelationCache()
    private var open: PendingTransaction?
    private var streamBlockXID: UInt32?
    private var streamed: [UInt32: PendingTransaction] = [:]

    /// Creates an assembler with no transaction open.
    public init() {}

    /// Whether no transaction is open, no streamed block is open and no streamed transaction awaits its end,
    /// so a keepalive's WAL end may be confirmed as flushed.
    public var isIdle: Bool {
        open == nil && streamBlockXID == nil && streamed.isEmpty
    }

    /// The xid of the Begin/Commit transaction being received, if any.
    public var openTransactionXID: UInt32? { open?.xid }

    /// The streamed transactions buffered until their Stream Commit or Stream Abort, ascending.
    public var pendingStreamedTransactionXIDs: [UInt32] { streamed.keys.sorted() }

    /// Consumes one message; returns a committed transaction or a non-transactional logical message when one completes.
    public mutating func messageReceived(_ message: PgOutputMessage, walStart: LSN) throws(TransactionAssemblyError) -> AssemblerEvent? {
        func violation(_ code: TransactionAssemblyError.Code, xid: UInt32? = nil, relation: UInt32? = nil) -> TransactionAssemblyError {
            TransactionAssemblyError(code: code, messageID: message.id, walStart: walStart, xid: xid, relationOID: relation)
        }

        switch message {
        case .begin(let begin):
            if let streamBlockXID { throw violation(.beginInsideStreamBlock, xid: streamBlockXID) }
            if let open { throw violation(.nestedBegin, xid: open.xid) }
            open = PendingTransaction(xid: begin.xid)
            return nil

        case .commit(let commit):
            guard let transaction = open, streamBlockXID == nil else { throw violation(.commitWithoutBegin) }
            open = nil
            return .transaction(transaction.assembled(commitLSN: commit.commitLSN, endLSN: commit.endLSN, commitTime: commit.commitTime, wasStreamed: false))

        case .origin(let origin):
            if let xid = streamBlockXID {
                streamed[xid]?.origin = origin
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
            try append(change, xid: insert.xid, violation)
            return nil

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
            try append(change, xid: update.xid, violation)
            return nil

        case .delete(let delete):
            let relation = try describe(delete.relationOID, columns: delete.oldTuple.tuple.columns.count, violation)
            let old = Self.values(delete.oldTuple.tuple, relation)
            let oldValues: RowValues? = if case .full = delete.oldTuple { old } else { nil }
            let change = RowChange.delete(RowDelete(relation: relation, key: Self.key(old, relation), oldValues: oldValues, lsn: walStart))
            try append(change, xid: delete.xid, violation)
            return nil

        case .truncate(let truncate):
            var described: [RelationDescription] = []
            for oid in truncate.relationOIDs {
                described.append(try describe(oid, columns: nil, violation))
            }
            try append(.truncate(TableTruncate(relations: described, options: truncate.options, lsn: walStart)), xid: truncate.xid, violation)
            return nil

        case .message(let logical):
            guard logical.isTransactional else { return .message(logical) }
            if let blockXID = streamBlockXID {
                streamed[blockXID]?.append(logical, subtransaction: logical.xid ?? blockXID)
            } else if let xid = open?.xid {
                open?.append(logical, subtransaction: xid)
            } else {
                throw violation(.changeOutsideTransaction)
            }
            return nil

        case .streamStart(let start):
            if let streamBlockXID { throw violation(.nestedStreamStart, xid: streamBlockXID) }
            if let open { throw violation(.streamStartInsideTransaction, xid: open.xid) }
            let known = streamed[start.xid] != nil
            if start.isFirstSegment && known { throw violation(.repeatedFirstSegment, xid: start.xid) }
            if !start.isFirstSegment && !known { throw violation(.unknownStreamedTransaction, xid: start.xid) }
            if !known { streamed[start.xid] = PendingTransaction(xid: start.xid) }
            streamBlockXID = start.xid
            return nil

        case .streamStop:
            guard streamBlockXID != nil else { throw violation(.streamStopWithoutStart) }
            streamBlockXID = nil
            return nil

        case .streamCommit(let commit):
            if streamBlockXID != nil || open != nil { throw violation(.misplacedStreamEnd, xid: commit.xid) }
            guard let transaction = streamed.removeValue(forKey: commit.xid) else {
                throw violation(.unknownStreamedTransaction, xid: commit.xid)
            }
            return .transaction(transaction.assembled(commitLSN: commit.commitLSN, endLSN: commit.endLSN, commitTime: commit.commitTime, wasStreamed: true))

        case .streamAbort(let abort):
            if streamBlockXID != nil || open != nil { throw violation(.misplacedStreamEnd, xid: abort.xid) }
            guard streamed[abort.xid] != nil else { throw violation(.unknownStreamedTransaction, xid: abort.xid) }
            if abort.abortsWholeTransaction {
                streamed[abort.xid] = nil
            } else {
                streamed[abort.xid]?.abort(subtransaction: abort.subtransactionXID)
            }
            return nil
        }
    }

    private func describe(
        _ oid: UInt32, columns: Int?, _ violation: (TransactionAssemblyError.Code, UInt32?, UInt32?) -> TransactionAssemblyError
    ) throws(TransactionAssemblyError) -> RelationDescription {
        guard let relation = relations[oid] else { throw violation(.unknownRelation, nil, oid) }
        if let columns, columns != relation.columns.count { throw violation(.columnCountMismatch, nil, oid) }
        return relation
    }

    private mutating func append(
        _ change: RowChange, xid: UInt32?, _ violation: (TransactionAssemblyError.Code, UInt32?, UInt32?) -> TransactionAssemblyError
    ) throws(TransactionAssemblyError) {
        if let blockXID = streamBlockXID {
            streamed[blockXID]?.append(change, subtransaction: xid ?? blockXID)
        } else if let openXID = open?.xid {
            open?.append(change, subtransaction: openXID)
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
