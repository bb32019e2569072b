import LogicalReplication
import Testing

/// Drives an assembler with hand-built messages.
private struct Driver {
    var assembler = TransactionAssembler()
    var lsn: UInt64 = 0x1000

    mutating func send(_ message: PgOutputMessage) throws(TransactionAssemblyError) -> AssemblerEvent? {
        lsn += 0x10
        return try assembler.messageReceived(message, walStart: LSN(lsn))
    }

    mutating func sendAll(_ messages: [PgOutputMessage]) throws(TransactionAssemblyError) -> [AssemblerEvent] {
        var events: [AssemblerEvent] = []
        for message in messages {
            if let event = try send(message) { events.append(event) }
        }
        return events
    }

    mutating func transaction(_ messages: [PgOutputMessage]) throws -> AssembledTransaction {
        let events = try sendAll(messages)
        guard events.count == 1, case .transaction(let transaction) = events[0] else {
            throw Unexpected(events: events)
        }
        return transaction
    }

    struct Unexpected: Error { var events: [AssemblerEvent] }
}

private let oid = Samples.accountsOID
private let time = Samples.time
private func begin(_ xid: UInt32) -> PgOutputMessage { .begin(BeginMessage(finalLSN: LSN(0x9000), commitTime: time, xid: xid)) }
private let commit = PgOutputMessage.commit(CommitMessage(commitLSN: LSN(0x9000), endLSN: LSN(0x9030), commitTime: time))
private func insert(_ id: String, _ owner: ColumnValue, _ body: ColumnValue, xid: UInt32? = nil) -> PgOutputMessage {
    .insert(InsertMessage(xid: xid, relationOID: oid, newTuple: Samples.row(id, owner, body)))
}
private func update(_ id: String, _ owner: ColumnValue, _ body: ColumnValue, old: OldTuple? = nil, xid: UInt32? = nil) -> PgOutputMessage {
    .update(UpdateMessage(xid: xid, relationOID: oid, oldTuple: old, newTuple: Samples.row(id, owner, body)))
}
private func start(_ xid: UInt32, first: Bool) -> PgOutputMessage { .streamStart(StreamStartMessage(xid: xid, isFirstSegment: first)) }
private let stop = PgOutputMessage.streamStop(StreamStopMessage())
private func streamCommit(_ xid: UInt32) -> PgOutputMessage {
    .streamCommit(StreamCommitMessage(xid: xid, commitLSN: LSN(0xA000), endLSN: LSN(0xA030), commitTime: time))
}
private func ids(_ transaction: AssembledTransaction) -> [String] {
    ids(transaction.changes)
}
private func ids(_ streamed: StreamedChanges) -> [String] {
    ids(streamed.changes.map(\.change))
}
private func ids(_ changes: [RowChange]) -> [String] {
    changes.compactMap { change in
        switch change {
        case .insert(let insert): insert.values["id"]?.text
        case .update(let update): update.values["id"]?.text
        case .delete(let delete): delete.key["id"]?.text
        case .truncate: "truncate"
        }
    }
}

struct TransactionAssemblerTests {
    @Test func assemblesABeginCommitTransaction() throws {
        var driver = Driver()
        let tx = try driver.transaction([
            begin(7), .origin(OriginMessage(commitLSN: LSN(0xABC), name: "o")), .relation(Samples.accounts),
            insert("1", .text("a"), .null), .message(LogicalMessage(flags: 1, lsn: LSN(0x8000), prefix: "p", content: "x")), commit,
        ])
        #expect(tx.xid == 7)
        #expect(tx.commitLSN == LSN(0x9000) && tx.endLSN == LSN(0x9030) && tx.commitTime == time)
        #expect(tx.origin?.name == "o")
        #expect(tx.messages.map(\.prefix) == ["p"])
        guard case .insert(let row) = tx.changes.first else { Issue.record("expected insert"); return }
        #expect(row.key == ["id": .text("1")])
        #expect(row.values == ["id": .text("1"), "owner": .text("a"), "body": .null])
        #expect(row.lsn == LSN(0x1040))
        #expect(row.relation.name == "accounts")
        #expect(driver.assembler.isIdle)
    }

    @Test func emitsNonTransactionalMessagesAtOnce() throws {
        var driver = Driver()
        let message = LogicalMessage(flags: 0, lsn: LSN(0x5000), prefix: "recon_close", content: "cycle-1")
        #expect(try driver.send(.message(message)) == .message(message))
        _ = try driver.sendAll([.relation(Samples.accounts), begin(1)])
        #expect(try driver.send(.message(message)) == .message(message))
        #expect(!driver.assembler.isIdle)
        #expect(driver.assembler.openTransactionXID == 1)
    }

    @Test func mergesUnchangedColumnsFromTheOldRow() throws {
        var driver = Driver()
        let tx = try driver.transaction([
            .relation(Samples.accounts), begin(1),
            update("1", .text("new"), .unchanged, old: .full(Samples.row("1", .text("old"), .text("big text")))), commit,
        ])
        guard case .update(let row) = tx.changes.first else { Issue.record("expected update"); return }
        #expect(row.values == ["id": .text("1"), "owner": .text("new"), "body": .text("big text")])
        #expect(row.oldValues?["owner"] == .text("old"))
    }

    @Test func mergesUnchangedColumnsFromAnEarlierImageInTheTransaction() throws {
        var driver = Driver()
        let tx = try driver.transaction([
            .relation(Samples.accounts), begin(1),
            insert("1", .text("a"), .text("big text")),
            update("1", .text("b"), .unchanged),
            update("2", .text("c"), .unchanged, old: .key(Samples.row("1", .null, .null))),
            update("2", .text("d"), .unchanged),
            update("9", .text("e"), .unchanged),
            commit,
        ])
        let values = tx.changes.compactMap { if case .update(let u) = $0 { u.values } else { nil } }
        #expect(values[0] == ["id": .text("1"), "owner": .text("b"), "body": .text("big text")])
        // The key changed from 1 to 2: the image follows the row to its new key.
        #expect(values[1] == ["id": .text("2"), "owner": .text("c"), "body": .text("big text")])
        #expect(values[2] == ["id": .text("2"), "owner": .text("d"), "body": .text("big text")])
        // No earlier image: kept as unchanged, never as NULL.
        #expect(values[3] == ["id": .text("9"), "owner": .text("e"), "body": .unchanged])
    }

    @Test func doesNotMergeAcrossTransactionsOrAfterDeleteAndTruncate() throws {
        var driver = Driver()
        _ = try driver.transaction([.relation(Samples.accounts), begin(1), insert("1", .text("a"), .text("big")), commit])
        let later = try driver.transaction([begin(2), update("1", .text("b"), .unchanged), commit])
        guard case .update(let first) = later.changes.first else { Issue.record("expected update"); return }
        #expect(first.values["body"] == .unchanged)
        let deleted = try driver.transaction([
            begin(3), insert("1", .text("a"), .text("big")), .delete(DeleteMessage(relationOID: oid, oldTuple: .key(Samples.row("1", .null, .null)))),
            update("1", .text("b"), .unchanged),
            insert("2", .text("a"), .text("big")), .truncate(TruncateMessage(options: [], relationOIDs: [oid])),
            update("2", .text("b"), .unchanged), commit,
        ])
        let updates = deleted.changes.compactMap { if case .update(let u) = $0 { u.values["body"] } else { nil } }
        #expect(updates == [.unchanged, .unchanged])
    }

    @Test func usesTheNewDescriptionAfterARelationChangeMidStream() throws {
        var driver = Driver()
        var altered = Samples.accounts
        altered.columns.append(.init(flags: 0, name: "note", typeOID: 25, typeModifier: -1))
        let tx = try driver.transaction([
            .relation(Samples.accounts), begin(1), insert("1", .text("a"), .null),
            .relation(Samples.accounts),  // a repeated identical R (e.g. after ANALYZE) is harmless
            .relation(altered),
            .insert(InsertMessage(relationOID: oid, newTuple: TupleData(columns: [.text("2"), .text("b"), .null, .text("hi")]))),
            commit,
        ])
        guard case .insert(let before) = tx.changes[0], case .insert(let after) = tx.changes[1] else { Issue.record("expected inserts"); return }
        #expect(before.relation.columns.count == 3)
        #expect(after.relation.columns.count == 4)
        #expect(after.values["note"] == .text("hi"))
        #expect(driver.assembler.relations[oid]?.columns.count == 4)
        // The old shape no longer fits.
        _ = try driver.send(begin(2))
        let error = #expect(throws: TransactionAssemblyError.self) { try driver.send(insert("3", .null, .null)) }
        #expect(error?.code == .columnCountMismatch && error?.relationOID == oid)
    }

    @Test func handsStreamedChangesOnBlockByBlock() throws {
        var driver = Driver()
        let events = try driver.sendAll([
            .relation(Samples.accounts),
            start(100, first: true), insert("1", .text("a"), .text("big"), xid: 100), stop,
            start(200, first: true), insert("2", .null, .null, xid: 200), stop,
            begin(150), insert("3", .null, .null), commit,
            start(100, first: false), update("1", .text("b"), .unchanged, xid: 101),
            .message(LogicalMessage(xid: 101, flags: 1, lsn: LSN(1), prefix: "p", content: "")), stop,
            streamCommit(100),
            start(200, first: false), insert("4", .null, .null, xid: 200), stop,
        ])
        #expect(events.count == 6)
        guard case .streamedChanges(let first) = events[0], case .streamedChanges(let second) = events[1], case .transaction(let plain) = events[2],
              case .streamedChanges(let third) = events[3], case .streamCommitted(let committed) = events[4],
              case .streamedChanges(let last) = events[5] else { Issue.record("unexpected events \(events)"); return }
        #expect(first.xid == 100 && first.startsTransaction && ids(first) == ["1"] && first.changes[0].subtransactionXID == 100)
        #expect(second.xid == 200 && second.startsTransaction && ids(second) == ["2"])
        #expect(plain.xid == 150 && ids(plain) == ["3"])
        #expect(third.xid == 100 && !third.startsTransaction && ids(third) == ["1"])
        #expect(third.changes.map(\.subtransactionXID) == [101])
        #expect(third.messages.map(\.xid) == [101])
        // An unchanged value may have its earlier image in an earlier block: it stays unresolved.
        guard case .update(let update) = third.changes[0].change else { Issue.record("expected update"); return }
        #expect(update.values["body"] == .unchanged)
        #expect(committed == StreamedCommit(xid: 100, commitLSN: LSN(0xA000), endLSN: LSN(0xA030), commitTime: time))
        #expect(last.xid == 200 && ids(last) == ["4"])
        #expect(driver.assembler.pendingStreamedTransactionXIDs == [200])
        #expect(!driver.assembler.isIdle)
        #expect(try driver.send(streamCommit(200)) == .streamCommitted(StreamedCommit(
            xid: 200, commitLSN: LSN(0xA000), endLSN: LSN(0xA030), commitTime: time)))
        #expect(driver.assembler.isIdle)
    }

    @Test func handsOnALongBlockInPiecesOfAtMostMaxHeldChanges() throws {
        var driver = Driver(assembler: TransactionAssembler(maxHeldChanges: 2))
        let events = try driver.sendAll([
            .relation(Samples.accounts),
            start(100, first: true), insert("1", .null, .null, xid: 100), insert("2", .null, .null, xid: 100),
            insert("3", .null, .null, xid: 100), stop,
        ])
        let pieces = events.compactMap { if case .streamedChanges(let c) = $0 { c } else { nil } }
        #expect(pieces.map(ids) == [["1", "2"], ["3"]])
        #expect(pieces.map(\.startsTransaction) == [true, false])
    }

    @Test func handsOnALargeBeginCommitTransactionInChunksAndCommitsItAsStaged() throws {
        var driver = Driver(assembler: TransactionAssembler(maxHeldChanges: 2))
        let events = try driver.sendAll([
            .relation(Samples.accounts), begin(7),
            insert("1", .text("a"), .text("body")), insert("2", .null, .null),
            update("1", .text("b"), .unchanged), commit,
        ])
        guard events.count == 2, case .streamedChanges(let first) = events[0], case .streamCommitted(let commit) = events[1] else {
            Issue.record("expected a chunk and a staged commit, got \(events)")
            return
        }
        #expect(ids(first) == ["1", "2"])
        #expect(first.startsTransaction)
        #expect(commit.xid == 7)
        #expect(commit.endLSN == LSN(0x9030))
        #expect(commit.finalChanges.map(ids) == ["1"])
        #expect(commit.finalChanges?.startsTransaction == false)
        // Once chunked, unchanged columns are left for the store: the earlier image went with the first chunk.
        if case .update(let update) = commit.finalChanges?.changes.first?.change {
            #expect(update.values["body"] == .unchanged)
        } else {
            Issue.record("expected the update in the final chunk")
        }
        #expect(driver.assembler.isIdle)
    }

    @Test func keepsASmallBeginCommitTransactionWhole() throws {
        var driver = Driver(assembler: TransactionAssembler(maxHeldChanges: 3))
        let transaction = try driver.transaction([.relation(Samples.accounts), begin(7), insert("1", .null, .null), insert("2", .null, .null), commit])
        #expect(ids(transaction) == ["1", "2"])
    }

    @Test func handsOnStreamAbortsOfSubtransactionsAndWholeTransactions() throws {
        var driver = Driver()
        let events = try driver.sendAll([
            .relation(Samples.accounts),
            start(100, first: true), insert("1", .text("a"), .text("big"), xid: 100), insert("2", .null, .null, xid: 101), stop,
            .streamAbort(StreamAbortMessage(xid: 100, subtransactionXID: 101)),
        ])
        guard case .streamedChanges(let staged) = events.first else { Issue.record("expected changes"); return }
        #expect(staged.changes.map(\.subtransactionXID) == [100, 101])
        #expect(events.last == .streamAborted(StreamedAbort(xid: 100, subtransactionXID: 101)))
        #expect(driver.assembler.pendingStreamedTransactionXIDs == [100])
        #expect(try driver.send(.streamAbort(StreamAbortMessage(xid: 100, subtransactionXID: 100)))
            == .streamAborted(StreamedAbort(xid: 100, subtransactionXID: 100)))
        #expect(driver.assembler.isIdle)
        let error = #expect(throws: TransactionAssemblyError.self) { try driver.send(streamCommit(100)) }
        #expect(error?.code == .unknownStreamedTransaction && error?.xid == 100)
    }

    @Test func assemblesTruncate() throws {
        var driver = Driver()
        var other = Samples.accounts
        other.oid = 99
        other.name = "other"
        let tx = try driver.transaction([
            .relation(Samples.accounts), .relation(other), begin(1),
            .truncate(TruncateMessage(options: [.cascade], relationOIDs: [oid, 99])), commit,
        ])
        guard case .truncate(let truncate) = tx.changes.first else { Issue.record("expected truncate"); return }
        #expect(truncate.relations.map(\.name) == ["accounts", "other"])
        #expect(truncate.options == .cascade)
        #expect(tx.changes.first?.lsn == LSN(0x1040))
    }

    struct Violation: Sendable, CustomTestStringConvertible {
        let name: String
        let messages: [PgOutputMessage]
        let code: TransactionAssemblyError.Code
        let id: PgOutputMessage.ID
        var testDescription: String { name }
    }

    static let violations: [Violation] = [
        Violation(name: "Commit without Begin", messages: [commit], code: .commitWithoutBegin, id: .commit),
        Violation(name: "nested Begin", messages: [begin(1), begin(2)], code: .nestedBegin, id: .begin),
        Violation(name: "Begin inside a stream block", messages: [start(1, first: true), begin(2)], code: .beginInsideStreamBlock, id: .begin),
        Violation(name: "Commit inside a stream block", messages: [start(1, first: true), commit], code: .commitWithoutBegin, id: .commit),
        Violation(name: "Stream Stop without Start", messages: [stop], code: .streamStopWithoutStart, id: .streamStop),
        Violation(name: "nested Stream Start", messages: [start(1, first: true), start(2, first: true)], code: .nestedStreamStart, id: .streamStart),
        Violation(name: "Stream Start inside a transaction", messages: [begin(1), start(2, first: true)], code: .streamStartInsideTransaction, id: .streamStart),
        Violation(name: "repeated first segment", messages: [start(1, first: true), stop, start(1, first: true)], code: .repeatedFirstSegment, id: .streamStart),
        Violation(name: "later segment of an unknown transaction", messages: [start(1, first: false)], code: .unknownStreamedTransaction, id: .streamStart),
        Violation(name: "Stream Commit inside a stream block", messages: [start(1, first: true), streamCommit(1)], code: .misplacedStreamEnd, id: .streamCommit),
        Violation(name: "Stream Abort inside a transaction", messages: [begin(2), .streamAbort(StreamAbortMessage(xid: 1, subtransactionXID: 1))], code: .misplacedStreamEnd, id: .streamAbort),
        Violation(name: "Stream Abort of an unknown transaction", messages: [.streamAbort(StreamAbortMessage(xid: 1, subtransactionXID: 1))], code: .unknownStreamedTransaction, id: .streamAbort),
        Violation(name: "Stream Commit of an unknown transaction", messages: [streamCommit(5)], code: .unknownStreamedTransaction, id: .streamCommit),
        Violation(name: "change outside a transaction", messages: [.relation(Samples.accounts), insert("1", .null, .null)], code: .changeOutsideTransaction, id: .insert),
        Violation(name: "transactional message outside a transaction", messages: [.message(LogicalMessage(flags: 1, lsn: LSN(1), prefix: "p", content: ""))], code: .changeOutsideTransaction, id: .message),
        Violation(name: "Origin outside a transaction", messages: [.origin(OriginMessage(commitLSN: LSN(1), name: "o"))], code: .originOutsideTransaction, id: .origin),
        Violation(name: "change to an unknown relation", messages: [begin(1), insert("1", .null, .null)], code: .unknownRelation, id: .insert),
        Violation(name: "truncate of an unknown relation", messages: [.relation(Samples.accounts), begin(1), .truncate(TruncateMessage(options: [], relationOIDs: [oid, 5]))], code: .unknownRelation, id: .truncate),
        Violation(name: "delete with a short old key", messages: [.relation(Samples.accounts), begin(1), .delete(DeleteMessage(relationOID: oid, oldTuple: .key(TupleData(columns: [.text("1")]))))], code: .columnCountMismatch, id: .delete),
        Violation(name: "update with a short old row", messages: [.relation(Samples.accounts), begin(1), .update(UpdateMessage(relationOID: oid, oldTuple: .full(TupleData(columns: [])), newTuple: Samples.row("1", .null, .null)))], code: .columnCountMismatch, id: .update),
    ]

    @Test(arguments: violations)
    func rejectsProtocolViolations(_ violation: Violation) throws {
        var driver = Driver()
        let prefix = violation.messages.dropLast()
        _ = try driver.sendAll(Array(prefix))
        let error = #expect(throws: TransactionAssemblyError.self) { try driver.send(violation.messages.last!) }
        #expect(error?.code == violation.code)
        #expect(error?.messageID == violation.id)
        #expect(error?.walStart == LSN(driver.lsn))
        #expect(error?.description.contains(violation.code.description) == true)
    }

    @Test func keepsStateAfterARejectedMessage() throws {
        var driver = Driver()
        _ = try driver.sendAll([.relation(Samples.accounts), begin(1), insert("1", .null, .null)])
        #expect(throws: TransactionAssemblyError.self) { try driver.send(begin(2)) }
        let tx = try driver.transaction([commit])
        #expect(ids(tx) == ["1"])
    }
}
