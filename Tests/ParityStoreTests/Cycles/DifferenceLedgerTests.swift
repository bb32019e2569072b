import Foundation
@testable import ParityStore
import ParityModel
import ParityTestSupport
import Testing

/// The ledger's bookkeeping, written by `DifferenceLedger.apply` as a close does: open, refresh, resolve, reopen.
@Suite("Open-differences ledger in the store")
struct DifferenceLedgerTests {
    let scratch: ScratchDirectory
    let store: ParityStore

    init() throws {
        scratch = try ScratchDirectory("ledger")
        store = try ParityStore.open(path: scratch.file("parity.sqlite"))
    }

    private func finding(_ id: String, column: String?, kind: FindingKind, legacy: String?, new: String?) -> Finding {
        Finding(mapping: "orders", key: ["id": id], column: column, newColumn: column, kind: kind, legacy: legacy, new: new,
                      disposition: nil, ruleNote: nil)
    }

    private func apply(_ cycle: Int64, _ verdicts: [DifferenceVerdict]) throws {
        try store.write { db in try DifferenceLedger.apply(db, cycle: cycle, verdicts) }
    }

    private func summary(_ differences: [OpenDifference]) -> [String] {
        differences.map { "\($0.finding.key["id"]! ?? "") \($0.finding.column ?? "-") \($0.finding.kind) \($0.firstSeen)-\($0.lastSeen)"
            + ($0.resolvedCycle.map { " resolved \($0)" } ?? "") }
    }

    @Test("a difference stays open until a verdict without it; a column that changes kind is one difference; a recurrence opens anew")
    func lifecycle() throws {
        try apply(0, [
            DifferenceVerdict(mapping: "orders", canonicalKey: #"["1"]"#, findings: [finding("1", column: "status", kind: .valueMismatch, legacy: "O", new: "paid")]),
            DifferenceVerdict(mapping: "orders", canonicalKey: #"["2"]"#, findings: [finding("2", column: nil, kind: .missingInNew, legacy: nil, new: nil)]),
        ])
        // Cycle 3: key 1's status still differs, now its amount too; key 2 arrived on the new side with a rounding difference.
        try apply(3, [
            DifferenceVerdict(mapping: "orders", canonicalKey: #"["1"]"#, findings: [
                finding("1", column: "status", kind: .valueMismatch, legacy: "O", new: "void"),
                finding("1", column: "amount", kind: .rounding, legacy: "1.12", new: "1.13"),
            ]),
            DifferenceVerdict(mapping: "orders", canonicalKey: #"["2"]"#, findings: [finding("2", column: "amount", kind: .rounding, legacy: "2.24", new: "2.25")]),
        ])
        #expect(summary(try store.differences()) == ["1 status value_mismatch 0-3", "1 amount rounding 3-3", "2 amount rounding 3-3"])
        #expect(try store.differences().first?.finding.new == "void", "values as last seen")
        #expect(summary(try store.differences(resolvedIn: 3)) == ["2 - missing_in_new 0-0 resolved 3"])

        // Cycle 4: key 1 equal; cycle 6: its status differs again, a new episode.
        try apply(4, [DifferenceVerdict(mapping: "orders", canonicalKey: #"["1"]"#, findings: [])])
        #expect(summary(try store.differences()) == ["2 amount rounding 3-3"])
        try apply(6, [DifferenceVerdict(mapping: "orders", canonicalKey: #"["1"]"#, findings: [finding("1", column: "status", kind: .valueMismatch, legacy: "O", new: "paid")])])
        #expect(summary(try store.differences()) == ["2 amount rounding 3-3", "1 status value_mismatch 6-6"])
        #expect(summary(try store.differences(asOf: 4)) == ["1 amount rounding 3-3 resolved 4", "2 amount rounding 3-3"],
                "as of cycle 4: what it resolved and what stayed open (key 1's status counts from its latest episode)")
        #expect(try store.read { db in try DifferenceLedger.openKeys(db, mapping: "orders") } == [#"["1"]"#, #"["2"]"#])
    }
}
