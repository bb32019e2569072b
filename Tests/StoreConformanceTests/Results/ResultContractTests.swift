import ExactNumeric
import ParityModel
import ParityStore
import Testing

/// What reports and the gate rely on: what a close recorded reads back as written, and the open differences' ledger
/// keeps each difference open, with its first-seen and last-seen cycles, until a close resolves it.
@Suite("Store contract: results")
struct ResultContractTests {
    @Test("findings round-trip in report order, kinds and dispositions typed", arguments: StoreFactory.all)
    func findings(_ factory: StoreFactory) throws {
        let opened = try factory.open()
        let store = opened.store
        var findings = [
            Fixtures.finding("2", column: nil, kind: .missingInNew, legacy: nil, new: nil, disposition: .match),
            Fixtures.finding("1", column: "amount", kind: .rounding, legacy: "1.125", new: "1.13", disposition: .intentionalChange),
            Fixtures.finding("é😀", column: "note", kind: .valueMismatch, legacy: "", new: nil, disposition: .legacyBug),
            Fixtures.finding("3", column: "amount", kind: .withinTolerance),
        ]
        findings[1].explanation = "half-up vs half-even"
        findings[2].attributedTo = "trigger orders_audit"
        try Fixtures.close(store, 0, CycleClose(cycle: Fixtures.cycle(0), tables: [], findings: findings, carried: []))
        #expect(try store.findings(cycle: 0) == findings)
        #expect(try store.findings(cycle: 1).isEmpty)
    }

    @Test("open differences: first-seen and last-seen, resolved by a later close, as of a cycle, counted by category", arguments: StoreFactory.all)
    func openDifferences(_ factory: StoreFactory) throws {
        let opened = try factory.open()
        let store = opened.store
        let status = Fixtures.finding("1", column: "status", kind: .valueMismatch, legacy: "O", new: "paid")
        let missing = Fixtures.finding("2", column: nil, kind: .missingInNew, legacy: nil, new: nil)
        func close(_ id: Int64, _ verdicts: [DifferenceVerdict]) throws {
            var recorded = CycleClose(cycle: Fixtures.cycle(id), tables: [], findings: [], carried: [])
            recorded.differences = verdicts
            try Fixtures.close(store, id, before: id * 100 + 100, recorded)
        }
        try close(0, [
            DifferenceVerdict(mapping: "orders", canonicalKey: Fixtures.canonicalKey("1"), findings: [status]),
            DifferenceVerdict(mapping: "orders", canonicalKey: Fixtures.canonicalKey("2"), findings: [missing]),
        ])
        var later = status
        later.new = "void"
        try close(1, [
            DifferenceVerdict(mapping: "orders", canonicalKey: Fixtures.canonicalKey("1"), findings: [later]),
            DifferenceVerdict(mapping: "orders", canonicalKey: Fixtures.canonicalKey("2"), findings: []),
        ])
        try close(2, [])

        let open = try store.differences()
        #expect(open == [OpenDifference(finding: later, canonicalKey: Fixtures.canonicalKey("1"), firstSeen: 0, lastSeen: 1)], "values as last seen")
        #expect(try store.differences(resolvedIn: 1) == [OpenDifference(
            finding: missing, canonicalKey: Fixtures.canonicalKey("2"), firstSeen: 0, lastSeen: 0, resolvedCycle: 1)])
        #expect(try store.differences(open: false).map(\.canonicalKey) == [Fixtures.canonicalKey("2")])
        #expect(try store.differences(mapping: "orders", kind: .valueMismatch).count == 1)
        #expect(try store.differences(mapping: "orders", kind: .rounding).isEmpty)
        #expect(try store.differences(mapping: "invoices").isEmpty)
        #expect(try store.differences(asOf: 0).map(\.canonicalKey) == [Fixtures.canonicalKey("1"), Fixtures.canonicalKey("2")])

        #expect(try store.openDifferenceCounts() == [OpenDifferenceCount(mapping: "orders", kind: .valueMismatch, open: 1, oldestFirstSeen: 0)])
        #expect(try store.differenceCategoryCounts() == [
            DifferenceCategoryCount(mapping: "orders", column: nil, kind: .missingInNew, open: 0, total: 1),
            DifferenceCategoryCount(mapping: "orders", column: "status", kind: .valueMismatch, open: 1, total: 1),
        ])
        #expect(try store.categoryOpenHistory(mapping: "orders", column: nil, kind: .missingInNew, from: nil).map { "\($0.cycle):\($0.open)" }
            == ["0:1", "1:0", "2:0"])
        #expect(try store.categoryOpenHistory(mapping: "orders", column: "status", kind: .valueMismatch, from: 1).map { "\($0.cycle):\($0.open)" }
            == ["1:1", "2:1"])
    }

    @Test("open differences per key-column: one column resolved while another stays, a resolved one reopened, many keys at once",
          arguments: StoreFactory.all)
    func differencesPerColumn(_ factory: StoreFactory) throws {
        let opened = try factory.open()
        let store = opened.store
        func close(_ id: Int64, _ verdicts: [DifferenceVerdict]) throws {
            var recorded = CycleClose(cycle: Fixtures.cycle(id), tables: [], findings: [], carried: [])
            recorded.differences = verdicts
            try Fixtures.close(store, id, before: id * 100 + 100, recorded)
        }
        let status = Fixtures.finding("3", column: "status", kind: .valueMismatch, legacy: "O", new: "paid")
        let amount = Fixtures.finding("3", column: "amount", kind: .rounding)
        var amountLater = amount
        amountLater.new = "1.02"
        // More keys than one statement of the store carries, each with a difference.
        let many = (100..<(100 + 12_000)).map { id in
            DifferenceVerdict(mapping: "orders", canonicalKey: Fixtures.canonicalKey(String(id)), findings: [
                Fixtures.finding(String(id), column: "amount", kind: .valueMismatch),
            ])
        }
        try close(0, [DifferenceVerdict(mapping: "orders", canonicalKey: Fixtures.canonicalKey("3"), findings: [status, amount])] + many)
        try close(1, [DifferenceVerdict(mapping: "orders", canonicalKey: Fixtures.canonicalKey("3"), findings: [amount, amountLater])]
            + many.map { DifferenceVerdict(mapping: $0.mapping, canonicalKey: $0.canonicalKey, findings: []) })
        #expect(try store.differences() == [OpenDifference(finding: amountLater, canonicalKey: Fixtures.canonicalKey("3"), firstSeen: 0, lastSeen: 1)],
                "a column found twice in one verdict keeps the later finding; the keys found equal are resolved")
        #expect(try store.differences(resolvedIn: 1).count == 12_001)
        try close(2, [DifferenceVerdict(mapping: "orders", canonicalKey: Fixtures.canonicalKey("3"), findings: [status])])
        #expect(try store.differences() == [OpenDifference(finding: status, canonicalKey: Fixtures.canonicalKey("3"), firstSeen: 2, lastSeen: 2)],
                "reopened with this cycle as first seen; the column not found is resolved")
        #expect(try store.differences(resolvedIn: 2) == [OpenDifference(
            finding: amountLater, canonicalKey: Fixtures.canonicalKey("3"), firstSeen: 0, lastSeen: 1, resolvedCycle: 2)])
    }

    @Test("aggregates, rounding evidence, statistics and scope shares round-trip", arguments: StoreFactory.all)
    func aggregates(_ factory: StoreFactory) throws {
        let opened = try factory.open()
        let store = opened.store
        let balance = AggregateGroupResult(
            aggregate: "open_balance", period: "", group: ["currency": "EUR"], legacy: ExactDecimal("100.00"), new: ExactDecimal("100.01"),
            bridge: [.finding(.rounding): ExactDecimal("0.01")!], unexplainedByKind: [:], withinTolerance: true)
        let flow = AggregateGroupResult(
            aggregate: "daily_totals", period: Fixtures.day, group: ["currency": nil], legacy: nil, new: ExactDecimal("5"),
            bridge: [:], unexplainedByKind: [.finding(.missingInLegacy): 5, .legacySummary: ExactDecimal("-0.50")!], withinTolerance: false)
        var column = RoundingEvidence()
        column.observe(stored: ExactDecimal("2.35")!, unrounded: ExactDecimal("2.345")!, scale: 2)
        column.observe(stored: ExactDecimal("-1.01")!, unrounded: ExactDecimal("-1.005")!, scale: 2)
        var total = TotalRoundingEvidence()
        total.observe(.perLine)
        total.observe(.both)
        let evidence = [
            SubjectRoundingEvidence(mapping: "orders", column: "amount", side: .legacy, evidence: .column(column)),
            SubjectRoundingEvidence(mapping: "orders", column: "total = Σ lines.amount", side: .new, evidence: .total(total)),
        ]
        let statistics = MappingStatistics(
            mapping: "orders", compared: 3, matched: 2, paired: 3,
            columns: [ColumnStatistics(column: "amount", newColumn: "amount", mismatched: 1, withinTolerance: 0, largestDifference: ExactDecimal("0.010"))])
        let scope = ScopeShare(cycle: 0, mapping: "orders", definition: "region = 'EU'", digest: "d1", listedKeys: nil, rows: 10, inScope: 7,
                               outOfScope: 3, comparedAll: true)
        var close = CycleClose(
            cycle: Fixtures.cycle(0), tables: [CycleTableRecord(mapping: "orders", compared: 3, matched: 2, findingsByKind: [:])],
            findings: [], carried: [], aggregates: [flow, balance], rounding: evidence)
        close.statistics = [statistics]
        close.scopes = [scope]
        try Fixtures.close(store, 0, close)

        #expect(try Set(store.aggregateResults(cycle: 0).map(\.aggregate)) == ["open_balance", "daily_totals"])
        #expect(try store.aggregateResults(cycle: 0).first { $0.aggregate == "open_balance" } == balance)
        #expect(try store.aggregateResults(cycle: 0).first { $0.aggregate == "open_balance" }?.sameDigits(as: balance) == true)
        #expect(try store.aggregateResults(cycle: 0).first { $0.aggregate == "open_balance" }?.unexplained.description == "0.00")
        #expect(try store.aggregateResults(cycle: 0).first { $0.aggregate == "daily_totals" } == flow)
        #expect(try store.flowCycles(from: Fixtures.month + "-01", through: Fixtures.month + "-31") == [0])
        #expect(try store.flowResults(asOf: 0, from: Fixtures.day, through: Fixtures.day).map(\.1) == [flow])
        #expect(try store.roundingEvidence(cycle: 0) == evidence, "by mapping, kind (column first), column and side")
        #expect(try store.mappingStatistics(through: 0).map(\.cycle) == [0])
        #expect(try store.mappingStatistics(through: 0).map(\.statistics) == [statistics])
        #expect(try store.mappingStatistics(through: 0).first?.statistics.columns.first?.largestDifference?.description == "0.010")
        #expect(try store.scopeShares(through: 0) == [scope])
        #expect(try store.latestScope(mapping: "orders")?.share == scope)
    }

    @Test("hidden state: inventories, their changes and the co-write analysis round-trip", arguments: StoreFactory.all)
    func hiddenState(_ factory: StoreFactory) throws {
        let opened = try factory.open()
        let store = opened.store
        let trigger = InventoryItem(kind: .trigger, name: "orders_audit", table: "public.orders", details: [
            .text("timing", "AFTER"), .list("events", ["INSERT", "UPDATE"]), .text("command", "curl -u admin:hunter2 https://audit"),
        ], bodyHash: "sha256:1f")
        let inventory = InventorySnapshot(side: .legacy, takenAt: 42, items: [
            InventorySnapshot.Item(trigger, documented: true),
            InventorySnapshot.Item(InventoryItem(kind: .rule, name: "orders_rule", table: "public.orders"), documented: false),
        ], notes: ["pg_cron is not installed"])
        let change = InventoryChange(
            side: .legacy, change: .added, kind: .trigger, name: "orders_audit", table: "public.orders", documented: false, detail: "AFTER INSERT")
        let line = HiddenStateLine(
            kind: .triggerMaintained, table: "public.order_totals", trigger: "orders_audit", triggerTable: "public.orders",
            functions: ["audit_orders"], transactions: 4, transactionsSeen: 5, rows: 9, mapped: false, documented: false, message: "written with orders")
        var close = CycleClose(cycle: Fixtures.cycle(0), tables: [], findings: [], carried: [])
        close.inventories = [inventory]
        close.inventoryChanges = [change]
        close.hiddenState = [line]
        try Fixtures.close(store, 0, close)
        try Fixtures.close(store, 1)

        #expect(try store.inventory(side: .legacy, atOrBefore: 1).map { "\($0.cycle)" } == "0")
        #expect(try store.inventory(side: .legacy, atOrBefore: 1)?.1 == inventory)
        #expect(try store.inventory(side: .legacy, atOrBefore: 1)?.1.items.first?.item.detail("command")?.description
                    == "curl -u admin:*** https://audit", "catalog text is stored masked")
        #expect(try store.inventory(side: .new, atOrBefore: 1) == nil)
        #expect(try store.inventoryChanges(cycle: 0) == [change])
        #expect(try store.hiddenState(cycle: 0) == [line])
        #expect(try store.hiddenState(cycle: 1).isEmpty)
        var previous: InventorySnapshot?
        try store.closeCycle(id: 2, foldBefore: 300) { reader in
            previous = try reader.previousInventory(side: .legacy)
            return CycleClose(cycle: Fixtures.cycle(2), tables: [], findings: [], carried: [])
        }
        #expect(previous == inventory, "a close reads the inventory recorded before it")
    }

    @Test("the census: samples in a window, each client once with its first and last sample and statement kinds", arguments: StoreFactory.all)
    func census(_ factory: StoreFactory) throws {
        let store = try factory.open().store
        let erp = CensusClient.Identity(role: "erp", database: "legacy", applicationName: "erp-app", clientAddress: "10.0.0.5",
                                        backendType: "client backend")
        let report = CensusClient.Identity(role: "bi", database: "legacy", applicationName: "", clientAddress: "hidden",
                                           backendType: "client backend")
        try store.recordCensusSample(side: .legacy, sampledAt: 1_000_000, limited: false,
                                     sessions: [CensusSessions(identity: erp, statementKind: .write, count: 3)])
        try store.recordCensusSample(side: .legacy, sampledAt: 2_000_000, limited: true, sessions: [
            CensusSessions(identity: erp, statementKind: .read, count: 1), CensusSessions(identity: report, statementKind: .hidden, count: 2),
        ])
        try store.recordCensusSample(side: .legacy, sampledAt: 9_000_000, limited: false,
                                     sessions: [CensusSessions(identity: erp, statementKind: .ddl, count: 1)])
        try store.recordCensusSample(side: .new, sampledAt: 1_500_000, limited: false,
                                     sessions: [CensusSessions(identity: erp, statementKind: .read, count: 1)])

        let window = try store.census(side: .legacy, from: 1_000_000, to: 9_000_000)
        #expect(window.samples == 2 && window.limitedSamples == 1)
        #expect(window.clients == [
            CensusClient(identity: report, firstSeen: StoreTime.date(2_000_000), lastSeen: StoreTime.date(2_000_000), samples: 1, kinds: [.hidden]),
            CensusClient(identity: erp, firstSeen: StoreTime.date(1_000_000), lastSeen: StoreTime.date(2_000_000), samples: 2, kinds: [.read, .write]),
        ])
        #expect(try store.census(side: .new, from: 0, to: 1_000_000) == CensusWindow(samples: 0, limitedSamples: 0, clients: []))
    }

    @Test("a close retires its cycle's census samples into summaries that answer the same, a late sample's into its cycle",
          arguments: StoreFactory.all)
    func retiredCensus(_ factory: StoreFactory) throws {
        let opened = try factory.open()
        let store = opened.store
        let erp = CensusClient.Identity(role: "erp", database: "legacy", applicationName: "erp-app", clientAddress: "10.0.0.5",
                                        backendType: "client backend")
        let report = CensusClient.Identity(role: "bi", database: "legacy", applicationName: "", clientAddress: "hidden",
                                           backendType: "client backend")
        // Cycle 0's window is [0, 100), cycle 1's [100, 200), cycle 2's [200, 300).
        try store.recordCensusSample(side: .legacy, sampledAt: 50, limited: false, sessions: [CensusSessions(identity: erp, statementKind: .write, count: 3)])
        try store.recordCensusSample(side: .legacy, sampledAt: 110, limited: true, sessions: [
            CensusSessions(identity: erp, statementKind: .read, count: 1), CensusSessions(identity: report, statementKind: .hidden, count: 2),
        ])
        try store.recordCensusSample(side: .legacy, sampledAt: 150, limited: false, sessions: [CensusSessions(identity: erp, statementKind: .ddl, count: 1)])
        try store.recordCensusSample(side: .legacy, sampledAt: 210, limited: false, sessions: [CensusSessions(identity: erp, statementKind: .write, count: 1)])
        try store.recordCensusSample(side: .new, sampledAt: 120, limited: false, sessions: [CensusSessions(identity: erp, statementKind: .read, count: 1)])
        func answers() throws -> [CensusWindow] {
            try [(0, 100), (100, 200), (200, 300), (0, 300)].map { try store.census(side: .legacy, from: $0, to: $1) }
                + [try store.census(side: .new, from: 100, to: 200)]
        }
        let raw = try answers()
        #expect(raw[3].samples == 4 && raw[3].clients.map(\.samples) == [1, 4])
        try Fixtures.close(store, 0)
        #expect(try factory.rowCount(opened, "census_sample") == 5)
        try Fixtures.close(store, 1, before: 200)
        #expect(try answers() == raw)
        #expect(try factory.rowCount(opened, "census_sample") == 1)
        #expect(try factory.rowCount(opened, "census_session") == 1)

        // A late sample of cycle 1, recorded after its close.
        try store.recordCensusSample(side: .legacy, sampledAt: 160, limited: false, sessions: [CensusSessions(identity: report, statementKind: .read, count: 1)])
        try Fixtures.close(store, 2, before: 300)
        let retired = try answers()
        #expect(retired[1] == CensusWindow(samples: 3, limitedSamples: 1, clients: [
            CensusClient(identity: report, firstSeen: StoreTime.date(110), lastSeen: StoreTime.date(160), samples: 2, kinds: [.hidden, .read]),
            CensusClient(identity: erp, firstSeen: StoreTime.date(110), lastSeen: StoreTime.date(150), samples: 2, kinds: [.read, .ddl]),
        ]))
        #expect(retired[0] == raw[0] && retired[2] == raw[2] && retired[4] == raw[4])
        #expect(retired[3].samples == 5 && retired[3].clients.map(\.samples) == [2, 4])
        #expect(try factory.rowCount(opened, "census_sample") == 0)
        #expect(try factory.rowCount(opened, "census_session") == 0)
    }
}
