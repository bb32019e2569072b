import ParityModel
import ParityStore
import Testing

/// What capture relies on: a transaction and its source position commit together, a replay applies nothing twice, and
/// positions only move forward.
@Suite("Store contract: capture")
struct CaptureContractTests {
    @Test("a captured transaction and the source position commit together", arguments: StoreFactory.all)
    func transactionAndPosition(_ factory: StoreFactory) throws {
        let opened = try factory.open()
        let store = opened.store
        try Fixtures.initialize(store, .legacy)
        try store.insertBaseline(side: .legacy, mapping: "orders", rows: [(key: ["1"], values: ["id": "1", "amount": "1.50"])], lsn: 100)
        #expect(try store.rowCount(side: .legacy, mapping: "orders") == 1)

        #expect(try store.apply(Fixtures.transaction(200, at: 10, [Fixtures.insert("2", amount: "2.00")]), side: .legacy) == .applied)
        let record = try #require(try store.sourceRecord(side: .legacy))
        #expect(record.checkpointLSN == 200 && record.lastCommitTime == 10 && record.watermark == 10)
        let images = try store.currentImages(side: .legacy, mapping: "orders")
        #expect(images[ExactText(Fixtures.key("2"))]?["amount"] == .some("2.00"))
        #expect(images[ExactText(Fixtures.key("1"))]?["amount"] == .some("1.50"))

        // A source that was never initialized has no position to commit with: nothing of the transaction is kept.
        let refused = #expect(throws: StoreError.self) {
            try store.apply(Fixtures.transaction(300, at: 11, [Fixtures.insert("3")]), side: .new)
        }
        #expect(refused?.code == .notInitialized)
        #expect(try store.currentImages(side: .new, mapping: "orders").isEmpty)
        #expect(try store.sourceRecord(side: .new) == nil)
    }

    @Test("a baseline copied again replaces the images of the keys the store holds; values keep every character", arguments: StoreFactory.all)
    func baselineAgain(_ factory: StoreFactory) throws {
        let opened = try factory.open()
        let store = opened.store
        try Fixtures.initialize(store, .legacy)
        let tricky = "tab\there\nnew\\line\r ✓ \\N"
        try store.insertBaseline(
            side: .legacy, mapping: "orders",
            rows: [(key: ["1"], values: ["id": "1", "amount": "1.50", "note": tricky]), (key: ["2"], values: ["id": "2", "amount": "2.00", "note": nil])],
            lsn: 100)
        try store.insertBaseline(
            side: .legacy, mapping: "orders",
            rows: [(key: ["2"], values: ["id": "2", "amount": "2.50", "note": "again"]), (key: ["3"], values: ["id": "3", "amount": "3.00", "note": nil])],
            lsn: 100)
        #expect(try store.rowCount(side: .legacy, mapping: "orders") == 3)
        let images = try store.currentImages(side: .legacy, mapping: "orders")
        #expect(images[ExactText(Fixtures.key("1"))] == ["id": "1", "amount": "1.50", "note": .some(tricky)])
        #expect(images[ExactText(Fixtures.key("2"))] == ["id": "2", "amount": "2.50", "note": "again"])
        #expect(images[ExactText(Fixtures.key("3"))]?["note"] == .some(nil))
    }

    @Test("apply is idempotent on replay of the same commit: nothing at or below the checkpoint applies twice", arguments: StoreFactory.all)
    func replay(_ factory: StoreFactory) throws {
        let opened = try factory.open()
        let store = opened.store
        try Fixtures.initialize(store, .new)
        let first = Fixtures.transaction(200, at: 10, [Fixtures.insert("1", amount: "1.00")])
        #expect(try store.apply(first, side: .new) == .applied)
        #expect(try store.apply(first, side: .new) == .alreadyApplied)
        // The same commit position with other content (a replay never differs; the position decides).
        #expect(try store.apply(Fixtures.transaction(200, at: 10, [Fixtures.insert("1", amount: "9.99")]), side: .new) == .alreadyApplied)
        #expect(try store.apply(Fixtures.transaction(150, at: 9, [Fixtures.insert("0")]), side: .new) == .alreadyApplied)
        // A batch resent after a reconnect: only what follows the checkpoint applies.
        let batch = [first, Fixtures.transaction(300, at: 11, [Fixtures.insert("2", amount: "2.00")])]
        #expect(try store.apply(batch, side: .new) == 1)
        #expect(try store.apply(batch, side: .new) == 0)
        let images = try store.currentImages(side: .new, mapping: "orders")
        #expect(images.count == 2)
        #expect(images[ExactText(Fixtures.key("1"))]?["amount"] == .some("1.00"))
        #expect(images[ExactText(Fixtures.key("0"))] == nil)
        #expect(try store.sourceRecord(side: .new)?.checkpointLSN == 300)
    }

    @Test("a streamed transaction commits with its position once; a replayed commit is dropped", arguments: StoreFactory.all)
    func streamed(_ factory: StoreFactory) throws {
        let opened = try factory.open()
        let store = opened.store
        try Fixtures.initialize(store, .legacy)
        try store.stage([StagedChange(subxid: 7, change: Fixtures.insert("1"))], xid: 7, side: .legacy, restart: true)
        try store.stage([StagedChange(subxid: 8, change: Fixtures.insert("2"))], xid: 7, side: .legacy, restart: false)
        try store.abortStreamed(xid: 7, subxid: 8, side: .legacy)
        #expect(try store.currentImages(side: .legacy, mapping: "orders").isEmpty, "staged changes are not state before the commit")
        let commit = StreamedCommitRecord(xid: 7, commitLSN: 292, endLSN: 300, commitTime: 30)
        #expect(try store.commitStreamed(commit, side: .legacy) == 1)
        #expect(try store.commitStreamed(commit, side: .legacy) == nil)
        #expect(try Set(store.currentImages(side: .legacy, mapping: "orders").keys) == [ExactText(Fixtures.key("1"))])
        #expect(try store.sourceRecord(side: .legacy)?.checkpointLSN == 300)

        try store.stage([StagedChange(subxid: 9, change: Fixtures.insert("3"))], xid: 9, side: .legacy, restart: true)
        try store.clearStaged(side: .legacy)
        #expect(try store.commitStreamed(StreamedCommitRecord(xid: 9, commitLSN: 392, endLSN: 400, commitTime: 40), side: .legacy) == 0)
        #expect(try Set(store.currentImages(side: .legacy, mapping: "orders").keys) == [ExactText(Fixtures.key("1"))])
    }

    @Test("a streamed block keeps every value as captured: tabs, newlines, backslashes, NULLs, more rows than one write sends",
          arguments: StoreFactory.all)
    func streamedValues(_ factory: StoreFactory) throws {
        let store = try factory.open().store
        try Fixtures.initialize(store, .legacy)
        let awkward = "a\tb\nc\\d\re \\N ✓"
        var changes = (0..<12_001).map { id in StagedChange(subxid: 7, change: Fixtures.insert(String(id), amount: "\(id).00")) }
        changes.append(StagedChange(subxid: 7, change: CapturedChange(
            table: "public.orders", mapping: "orders", operation: .insert, key: [awkward], oldKey: nil,
            values: ["id": .value(awkward), "amount": .value(nil)])))
        try store.stage(changes, xid: 7, side: .legacy, restart: true)
        #expect(try store.commitStreamed(StreamedCommitRecord(xid: 7, commitLSN: 292, endLSN: 300, commitTime: 30), side: .legacy) == 12_002)
        let images = try store.currentImages(side: .legacy, mapping: "orders")
        #expect(images.count == 12_002)
        #expect(images[ExactText(Fixtures.key("12000"))]?["amount"] == .some("12000.00"))
        let expected: [String: String?] = ["id": awkward, "amount": nil]
        #expect(images[ExactText(Fixtures.key(awkward))] == expected)
    }

    @Test("idle positions move the watermark and checkpoint forward only; capture errors are kept until cleared", arguments: StoreFactory.all)
    func idleAndErrors(_ factory: StoreFactory) throws {
        let opened = try factory.open()
        let store = opened.store
        try Fixtures.initialize(store, .legacy)
        try Fixtures.initialize(store, .new)
        try store.recordIdle(side: .legacy, position: 500, serverTime: 50)
        try store.recordIdle(side: .legacy, position: 400, serverTime: 40)
        let legacy = try #require(try store.sourceRecord(side: .legacy))
        #expect(legacy.checkpointLSN == 500 && legacy.watermark == 50)
        try store.makeDurable()

        try store.recordCaptureError(side: .new, "connection lost")
        #expect(try store.sourceRecord(side: .new)?.lastError == "connection lost")
        try store.recordCaptureError(side: .new, nil)
        #expect(try store.sourceRecord(side: .new)?.lastError == nil)
        #expect(try store.sourceRecords().map(\.side) == [.legacy, .new])

        try store.discardSource(side: .new)
        #expect(try store.sourceRecords().map(\.side) == [.legacy])
    }

    @Test("one capture per store: a second lock is refused while the first is held", arguments: StoreFactory.all)
    func captureLock(_ factory: StoreFactory) throws {
        let opened = try factory.open()
        var first: (any CaptureLease)? = try opened.store.lockCapture(holder: "parity run")
        let refused = #expect(throws: StoreError.self) { try opened.store.lockCapture(holder: "parity capture") }
        #expect(refused?.code == .captureRunning)
        #expect(first != nil)
        first = nil
        _ = try opened.store.lockCapture(holder: "parity capture")
    }

    @Test("mapping copies are recorded and discarded by side", arguments: StoreFactory.all)
    func mappings(_ factory: StoreFactory) throws {
        let opened = try factory.open()
        let store = opened.store
        for side in SourceSide.allCases {
            try store.recordMappingCopied(MappingSource(side: side, mapping: "orders", table: "public.orders", copiedAt: 120,
                                                        snapshotTime: 5, initializedAt: 6))
        }
        #expect(try store.mappingSources().map(\.side) == [.legacy, .new])
        try store.discardMapping("orders", sides: [.new])
        #expect(try store.mappingSources().map(\.side) == [.legacy])
    }
}
