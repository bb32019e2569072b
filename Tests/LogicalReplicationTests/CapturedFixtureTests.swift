import LogicalReplication
import Testing

/// Streams captured from PostgreSQL 15.18 (see Fixtures/README.md), decoded with exact expectations.
struct CapturedFixtureTests {
    static let accounts: UInt32 = 16437, fullT: UInt32 = 16444, docs: UInt32 = 16449, truncT: UInt32 = 16456
    static let moods: UInt32 = 16461, big: UInt32 = 16466, small: UInt32 = 16473, mood: UInt32 = 16432

    private func transactions(_ events: [AssemblerEvent]) -> [AssembledTransaction] {
        events.compactMap { if case .transaction(let t) = $0 { t } else { nil } }
    }

    private func text(_ values: RowValues?, _ column: String) -> String? {
        values?[column]?.text
    }

    @Test func protocol1MessagesDecodeExactly() throws {
        let fixture = try Fixture(named: "v1.bin")
        #expect(fixture.payloads.count == 61)
        let keepalives = try fixture.payloads.filter {
            if case .primaryKeepalive = try ReplicationMessage.decode(from: $0) { true } else { false }
        }
        #expect(keepalives.count == 3)
        let entries = try fixture.entries()
        #expect(String(decoding: entries.map { $0.message.id.rawValue }, as: UTF8.self)
            == "BRIICBUCBUCBRICBUCBDCBDCBRICBUCBRICBRTCBYRICBMCMBRICBORICM")

        #expect(entries[0].message == .begin(BeginMessage(finalLSN: LSN("0/1949E40")!, commitTime: PostgresTimestamp(microsecondsSince2000: 848_574_115_831_385), xid: 737)))
        #expect(entries[0].header.dataStart == LSN("0/1949CD8"))
        #expect(entries[1].message == .relation(RelationMessage(oid: Self.accounts, namespace: "public", name: "accounts", replicaIdentity: .default, columns: [
            .init(flags: 1, name: "id", typeOID: 23, typeModifier: -1),
            .init(flags: 0, name: "owner", typeOID: 25, typeModifier: -1),
            .init(flags: 0, name: "balance", typeOID: 1700, typeModifier: 786_438),
        ])))
        #expect(entries[1].header.dataStart == .invalid)
        #expect(entries[2].message == .insert(InsertMessage(relationOID: Self.accounts, newTuple: TupleData(columns: [.text("1"), .text("alice"), .text("10.50")]))))
        #expect(entries[3].message == .insert(InsertMessage(relationOID: Self.accounts, newTuple: TupleData(columns: [.text("2"), .text("bob"), .null]))))
        #expect(entries[4].message == .commit(CommitMessage(flags: 0, commitLSN: LSN("0/1949E40")!, endLSN: LSN("0/1949E70")!, commitTime: PostgresTimestamp(microsecondsSince2000: 848_574_115_831_385))))
        #expect(entries[4].header.dataStart == LSN("0/1949E70"))
        // UPDATE … SET id = 3 WHERE id = 2: old key K, other columns n.
        #expect(entries[6].message == .update(UpdateMessage(relationOID: Self.accounts, oldTuple: .key(TupleData(columns: [.text("2"), .null, .null])),
                                                            newTuple: TupleData(columns: [.text("3"), .text("bob"), .null]))))
        // Key unchanged: only N.
        #expect(entries[9].message == .update(UpdateMessage(relationOID: Self.accounts, oldTuple: nil, newTuple: TupleData(columns: [.text("1"), .text("alice"), .text("11.00")]))))
        #expect(entries[12].message == .relation(RelationMessage(oid: Self.fullT, namespace: "public", name: "full_t", replicaIdentity: .full, columns: [
            .init(flags: 1, name: "id", typeOID: 23, typeModifier: -1), .init(flags: 1, name: "note", typeOID: 25, typeModifier: -1),
        ])))
        // REPLICA IDENTITY FULL: O with the whole old row.
        #expect(entries[16].message == .update(UpdateMessage(relationOID: Self.fullT, oldTuple: .full(TupleData(columns: [.text("1"), .text("x")])),
                                                             newTuple: TupleData(columns: [.text("1"), .text("y")]))))
        #expect(entries[19].message == .delete(DeleteMessage(relationOID: Self.accounts, oldTuple: .key(TupleData(columns: [.text("3"), .null, .null])))))
        #expect(entries[22].message == .delete(DeleteMessage(relationOID: Self.fullT, oldTuple: .full(TupleData(columns: [.text("1"), .text("y")])))))
        // 12 800-byte externally stored text, then an UPDATE of another column: u.
        guard case .insert(let docInsert) = entries[26].message, case .text(let body) = docInsert.newTuple.columns[2] else {
            Issue.record("expected the docs insert"); return
        }
        #expect(body.count == 12_800)
        #expect(body.string?.hasPrefix("c4ca4238a0b923820dcc509a6f75849b") == true)  // md5('1')
        #expect(entries[29].message == .update(UpdateMessage(relationOID: Self.docs, oldTuple: nil, newTuple: TupleData(columns: [.text("1"), .text("b"), .unchanged]))))
        #expect(entries[37].message == .truncate(TruncateMessage(options: .restartIdentity, relationOIDs: [Self.truncT])))
        #expect(entries[40].message == .type(TypeMessage(oid: Self.mood, namespace: "public", name: "mood")))
        #expect(entries[42].message == .insert(InsertMessage(relationOID: Self.moods, newTuple: TupleData(columns: [.text("1"), .text("sad")]))))
        #expect(entries[45].message == .message(LogicalMessage(flags: 1, lsn: LSN("0/194E2E8")!, prefix: "parity", content: "transactional payload")))
        #expect(entries[47].message == .message(LogicalMessage(flags: 0, lsn: LSN("0/194E370")!, prefix: "parity", content: "non-transactional payload")))
        // After ALTER TABLE ADD COLUMN a new R precedes the new shape.
        guard case .relation(let altered) = entries[49].message else { Issue.record("expected R"); return }
        #expect(altered.columns.map(\.name) == ["id", "owner", "balance", "note"])
        #expect(entries[53].message == .origin(OriginMessage(commitLSN: LSN("0/ABCDEF")!, name: "legacy_origin")))
    }

    @Test func protocol1TransactionsAssembleExactly() throws {
        let events = try Fixture(named: "v1.bin").assembled()
        #expect(events.count == 17)
        let txs = transactions(events)
        #expect(txs.map(\.xid) == [737, 738, 739, 740, 741, 742, 743, 744, 745, 746, 747, 748, 749, 751, 753])

        guard case .update(let keyChange) = txs[1].changes.first else { Issue.record("expected update"); return }
        #expect(keyChange.key == ["id": .text("2")])
        #expect(keyChange.newKey == ["id": .text("3")])
        #expect(keyChange.oldValues == nil)
        #expect(keyChange.values == ["id": .text("3"), "owner": .text("bob"), "balance": .null])
        #expect(keyChange.lsn == LSN("0/1949E70"))

        guard case .update(let full) = txs[4].changes.first else { Issue.record("expected update"); return }
        #expect(full.key == ["id": .text("1"), "note": .text("x")])
        #expect(full.oldValues == ["id": .text("1"), "note": .text("x")])
        #expect(full.values == ["id": .text("1"), "note": .text("y")])

        guard case .delete(let delete) = txs[5].changes.first else { Issue.record("expected delete"); return }
        #expect(delete.key == ["id": .text("3")])
        #expect(delete.relation.qualifiedName == "public.accounts")

        // The u column is kept as unchanged: no earlier image in its transaction, no O.
        guard case .update(let toast) = txs[8].changes.first else { Issue.record("expected update"); return }
        #expect(toast.values == ["id": .text("1"), "a": .text("b"), "body": .unchanged])

        guard case .truncate(let truncate) = txs[10].changes.first else { Issue.record("expected truncate"); return }
        #expect(truncate.relations.map(\.name) == ["trunc_t"])
        #expect(truncate.options == .restartIdentity)

        #expect(txs[12].changes.isEmpty)
        #expect(txs[12].messages.map(\.prefix) == ["parity"])
        #expect(events[13] == .message(LogicalMessage(flags: 0, lsn: LSN("0/194E370")!, prefix: "parity", content: "non-transactional payload")))

        guard case .insert(let carol) = txs[13].changes.first else { Issue.record("expected insert"); return }
        #expect(carol.values == ["id": .text("4"), "owner": .text("carol"), "balance": .text("1.00"), "note": .text("hi")])

        #expect(txs[14].origin == OriginMessage(commitLSN: LSN("0/ABCDEF")!, name: "legacy_origin"))
        // pg_replication_origin_xact_setup's timestamp, 2024-01-02 03:04:05 UTC, becomes the commit time.
        #expect(txs[14].commitTime.unixMicroseconds == 1_704_164_645_000_000)
        #expect(txs[14].commitLSN == LSN("0/194EAF8") && txs[14].endLSN == LSN("0/194EB40"))
    }

    @Test func protocol2StreamedTransactionsAssembleExactly() throws {
        let fixture = try Fixture(named: "v2-streaming.bin")
        let entries = try fixture.entries()
        let ids = entries.map(\.message.id)
        #expect(ids.filter { $0 == .streamStart }.count == 10)
        #expect(ids.filter { $0 == .streamStop }.count == 10)
        #expect(ids.filter { $0 == .streamCommit }.count == 1)
        #expect(entries[0].message == .streamStart(StreamStartMessage(xid: 754, isFirstSegment: true)))
        guard case .relation(let streamedRelation) = entries[1].message else { Issue.record("expected R"); return }
        #expect(streamedRelation.xid == 754 && streamedRelation.oid == Self.big)
        guard case .insert(let first) = entries[2].message else { Issue.record("expected I"); return }
        #expect(first == InsertMessage(xid: 754, relationOID: Self.big, newTuple: TupleData(columns: [.text("1"), .text(ColumnBytes(stringLiteral: String(repeating: "x", count: 100)))])))
        let aborts = entries.compactMap { if case .streamAbort(let a) = $0.message { a } else { nil } }
        #expect(aborts == [StreamAbortMessage(xid: 754, subtransactionXID: 756), StreamAbortMessage(xid: 758, subtransactionXID: 758)])
        let subtransactionInserts = entries.filter { if case .insert(let i) = $0.message { i.xid == 756 } else { false } }
        #expect(subtransactionInserts.count > 0)
        #expect(entries.contains { $0.message == .streamCommit(StreamCommitMessage(
            xid: 754, flags: 0, commitLSN: LSN("0/19BD808")!, endLSN: LSN("0/19BD840")!, commitTime: PostgresTimestamp(microsecondsSince2000: 848_574_115_973_991))) })

        let events = try fixture.assembled()
        let blocks = events.compactMap { if case .streamedChanges(let c) = $0 { c } else { nil } }
        #expect(blocks.count == 10)
        #expect(blocks.filter(\.startsTransaction).map(\.xid) == [754, 758])
        #expect(events.compactMap { if case .streamAborted(let a) = $0 { a } else { nil } }
            == [StreamedAbort(xid: 754, subtransactionXID: 756), StreamedAbort(xid: 758, subtransactionXID: 758)])
        let txs = transactions(events)
        // The interleaved small transaction commits, between stream blocks, before the streamed one.
        #expect(txs.map(\.xid) == [755])
        #expect(txs[0].changes.count == 1)
        let commits = events.enumerated().compactMap { if case .streamCommitted(let c) = $1 { ($0, c) } else { nil } }
        try #require(commits.count == 1)
        #expect(commits[0].1 == StreamedCommit(
            xid: 754, commitLSN: LSN("0/19BD808")!, endLSN: LSN("0/19BD840")!, commitTime: PostgresTimestamp(microsecondsSince2000: 848_574_115_973_991)))
        #expect(events.firstIndex { if case .transaction = $0 { true } else { false } }! < commits[0].0)
        // Replaying the blocks and the subtransaction abort as a consumer would:
        // rows 1-1000 and 3000; the rolled-back savepoint's rows 1001-2000 are dropped.
        var kept: [StreamedChange] = []
        var messages: [LogicalMessage] = []
        for event in events[..<commits[0].0] {
            switch event {
            case .streamedChanges(let block) where block.xid == 754:
                kept += block.changes
                messages += block.messages
            case .streamAborted(let abort) where abort.xid == 754:
                if let first = kept.firstIndex(where: { $0.subtransactionXID == abort.subtransactionXID }) { kept.removeSubrange(first...) }
                messages.removeAll { $0.xid == abort.subtransactionXID }
            default: break
            }
        }
        let ids1 = kept.compactMap { streamed -> Int? in
            if case .insert(let insert) = streamed.change { Int(insert.values["id"]?.text ?? "") } else { nil }
        }
        #expect(ids1 == Array(1...1000) + [3000])
        #expect(messages.map(\.content) == ["streamed message"])
        // The wholly aborted transaction 758 is gone; only the end marker follows.
        guard case .message(let marker) = events.last else { Issue.record("expected end marker"); return }
        #expect(marker.prefix == "capture_end")
    }
}
