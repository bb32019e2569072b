import LogicalReplication

/// Hand-built messages covering every kind, used by round-trip and negative tests.
enum Samples {
    static let time = PostgresTimestamp(microsecondsSince2000: 757_382_400_000_000)
    static let accountsOID: UInt32 = 16437

    static let accounts = RelationMessage(oid: accountsOID, namespace: "public", name: "accounts", replicaIdentity: .default, columns: [
        .init(flags: 1, name: "id", typeOID: 23, typeModifier: -1),
        .init(flags: 0, name: "owner", typeOID: 25, typeModifier: -1),
        .init(flags: 0, name: "body", typeOID: 25, typeModifier: -1),
    ])

    static func row(_ id: String, _ owner: ColumnValue, _ body: ColumnValue) -> TupleData {
        TupleData(columns: [.text(ColumnBytes(stringLiteral: id)), owner, body])
    }

    /// Every message kind outside a streamed block (protocol 1).
    static let protocol1: [PgOutputMessage] = [
        .begin(BeginMessage(finalLSN: LSN(0x1989D78), commitTime: time, xid: 740)),
        .commit(CommitMessage(flags: 0, commitLSN: LSN(0x1989D78), endLSN: LSN(0x1989DA8), commitTime: time)),
        .origin(OriginMessage(commitLSN: LSN(0xABCDEF), name: "legacy_origin")),
        .relation(accounts),
        .relation(RelationMessage(oid: 1, namespace: "", name: "pg_thing", replicaIdentity: .full, columns: [])),
        .relation(RelationMessage(oid: 2, namespace: "s", name: "ix", replicaIdentity: .index, columns: [.init(flags: 1, name: "k", typeOID: 20, typeModifier: 8)])),
        .relation(RelationMessage(oid: 3, namespace: "s", name: "none", replicaIdentity: .nothing, columns: [])),
        .type(TypeMessage(oid: 16432, namespace: "public", name: "mood")),
        .insert(InsertMessage(relationOID: accountsOID, newTuple: row("1", .text("alice"), .null))),
        .insert(InsertMessage(relationOID: accountsOID, newTuple: row("2", .binary(ColumnBytes([0, 1, 2, 255])), .text("")))),
        .update(UpdateMessage(relationOID: accountsOID, oldTuple: nil, newTuple: row("1", .text("bob"), .unchanged))),
        .update(UpdateMessage(relationOID: accountsOID, oldTuple: .key(row("2", .null, .null)), newTuple: row("3", .text("bob"), .null))),
        .update(UpdateMessage(relationOID: accountsOID, oldTuple: .full(row("3", .text("bob"), .text("old"))), newTuple: row("3", .text("carol"), .unchanged))),
        .delete(DeleteMessage(relationOID: accountsOID, oldTuple: .key(row("3", .null, .null)))),
        .delete(DeleteMessage(relationOID: accountsOID, oldTuple: .full(row("3", .text("carol"), .text("old"))))),
        .truncate(TruncateMessage(options: [], relationOIDs: [accountsOID])),
        .truncate(TruncateMessage(options: [.cascade, .restartIdentity], relationOIDs: [accountsOID, 1, 2])),
        .message(LogicalMessage(flags: 1, lsn: LSN(0x1989D00), prefix: "parity", content: "transactional payload")),
        .message(LogicalMessage(flags: 0, lsn: LSN(0x1989E00), prefix: "", content: ColumnBytes([0xFF, 0x00]))),
    ]

    /// Stream control messages (protocol 2), which never carry the extra xid.
    static let streamControl: [PgOutputMessage] = [
        .streamStart(StreamStartMessage(xid: 741, isFirstSegment: true)),
        .streamStart(StreamStartMessage(xid: 741, isFirstSegment: false)),
        .streamStop(StreamStopMessage()),
        .streamCommit(StreamCommitMessage(xid: 741, flags: 0, commitLSN: LSN(0x2000000), endLSN: LSN(0x2000030), commitTime: time)),
        .streamAbort(StreamAbortMessage(xid: 741, subtransactionXID: 742)),
        .streamAbort(StreamAbortMessage(xid: 741, subtransactionXID: 741, abortLSN: LSN(0x2000100), abortTime: time)),
    ]

    /// The messages that carry an xid inside a streamed block, with that xid set (protocol 2).
    static let insideStreamBlock: [PgOutputMessage] = [
        .relation(RelationMessage(xid: 741, oid: accountsOID, namespace: "public", name: "accounts", replicaIdentity: .default, columns: accounts.columns)),
        .type(TypeMessage(xid: 741, oid: 16432, namespace: "public", name: "mood")),
        .insert(InsertMessage(xid: 742, relationOID: accountsOID, newTuple: row("1", .text("alice"), .null))),
        .update(UpdateMessage(xid: 742, relationOID: accountsOID, oldTuple: .key(row("1", .null, .null)), newTuple: row("2", .text("a"), .unchanged))),
        .delete(DeleteMessage(xid: 741, relationOID: accountsOID, oldTuple: .key(row("2", .null, .null)))),
        .truncate(TruncateMessage(xid: 741, options: .cascade, relationOIDs: [accountsOID])),
        .message(LogicalMessage(xid: 741, flags: 1, lsn: LSN(0x2000050), prefix: "parity", content: "streamed message")),
    ]
}
