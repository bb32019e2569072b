import Foundation
import ParityConfig
import ParityModel
import Testing
@testable import Reconciliation

@Suite struct DispositionBookTests {
    private let status = DispositionCategory(table: "orders", column: "status", kind: .valueMismatch)

    private func decision(_ disposition: Disposition = .legacyBug, expires: String? = nil, id: Int64 = 1) -> DispositionDecision {
        DispositionDecision(
            id: id, category: status, disposition: disposition, owner: "ops", note: "legacy wrote S as P", expires: expires,
            decidedBy: "ana", decidedAt: Date(timeIntervalSince1970: 0), afterCycle: 2)
    }

    private func finding(_ column: String = "status") -> Finding {
        Finding(mapping: "orders", key: ["order_no": "1"], column: column, newColumn: column, kind: .valueMismatch, legacy: "P", new: "shipped")
    }

    @Test func categoriesReadAsTheReportsWriteThem() throws {
        #expect(try DispositionCategory(parsing: "orders.status value_mismatch") == status)
        #expect(try DispositionCategory(parsing: "orders missing_in_new") == DispositionCategory(table: "orders", column: nil, kind: .missingInNew))
        let hidden = try DispositionCategory(parsing: "public.daily_summary hidden_state_unmapped")
        #expect(hidden.table == "public.daily_summary" && hidden.column == nil)
        #expect(status.description == "orders.status value_mismatch")
        #expect(throws: DispositionCategory.ParseError.self) { try DispositionCategory(parsing: "orders.status") }
        #expect(throws: DispositionCategory.ParseError.self) { try DispositionCategory(parsing: "orders.status mismatch") }
        #expect(throws: DispositionCategory.ParseError.self) { try DispositionCategory(parsing: "orders. value_mismatch") }
    }

    @Test func aStoredDecisionDecidesUntilItsExpiryDay() {
        let book = DispositionBook(rules: [], decisions: [decision(expires: "2026-11-20")])
        #expect(book.matcher(on: "2026-11-19").rule(for: finding())?.disposition == .legacyBug)
        #expect(book.matcher(on: "2026-11-20").rule(for: finding()) == nil, "an expired decision counts as none")
        #expect(book.matcher(on: "2026-11-19").rule(for: finding("amount")) == nil, "another column is another category")
        let verdict = book.verdict(for: status, on: "2026-11-20")
        #expect(verdict.expired && verdict.source == nil && verdict.disposition == nil)
        let live = book.verdict(for: status, on: "2026-11-01")
        #expect(live.source == .store && live.owner == "ops" && live.note == "legacy wrote S as P")
        #expect(book.fingerprint(on: "2026-11-01") == "1" && book.fingerprint(on: "2026-12-01").isEmpty)
    }

    @Test func theConfigWinsWhereBothDecide() {
        let rule = DispositionRule(table: .mapping("orders"), column: "status", kind: .valueMismatch, disposition: .match, owner: "dev", note: "fix")
        let book = DispositionBook(rules: [rule], decisions: [decision()])
        #expect(book.matcher(on: "2026-11-19").rule(for: finding()) == rule)
        let verdict = book.verdict(for: status, on: "2026-11-19")
        #expect(verdict.source == .config && verdict.disposition == .match && verdict.owner == "dev" && verdict.overridden)
    }
}

@Suite struct ReopeningTests {
    private func decision(_ disposition: Disposition = .match, after: Int64? = 2) -> DispositionDecision {
        DispositionDecision(
            id: 1, category: DispositionCategory(table: "orders", column: "status", kind: .valueMismatch), disposition: disposition,
            owner: "dev", note: "must map shipped", decidedBy: "ana", decidedAt: Date(timeIntervalSince1970: 0), afterCycle: after)
    }

    @Test func fixedThenBackIsReopened() {
        let history: [(cycle: Int64, open: Int)] = [(2, 3), (3, 3), (4, 0), (5, 0), (6, 1), (7, 0)]
        #expect(Reopening.of(decision(), openByCycle: history) == Reopening(fixedIn: 4, backIn: 6))
    }

    @Test func stillOpenOrFixedIsNotReopened() {
        #expect(Reopening.of(decision(), openByCycle: [(2, 3), (3, 2), (4, 1)]) == nil)
        #expect(Reopening.of(decision(), openByCycle: [(2, 3), (3, 0), (4, 0)]) == nil)
    }

    @Test func onlyWhatFollowsTheDecisionCounts() {
        let history: [(cycle: Int64, open: Int)] = [(1, 2), (2, 0), (3, 0), (4, 1)]
        #expect(Reopening.of(decision(after: 3), openByCycle: history) == nil, "decided again after the recurrence")
        #expect(Reopening.of(decision(after: 1), openByCycle: history) == Reopening(fixedIn: 2, backIn: 4))
        #expect(Reopening.of(decision(after: 2), openByCycle: history) == nil, "first seen after a decision taken while none was open")
    }

    @Test func onlyMatchDecisionsReopen() {
        #expect(Reopening.of(decision(.legacyBug), openByCycle: [(2, 1), (3, 0), (4, 1)]) == nil)
    }
}
