import Foundation
import Testing
@testable import Reconciliation

@Suite struct GraceCarryTests {
    private let window = CycleWindow(start: utc("2026-11-20T00:00:00Z"), end: utc("2026-11-21T00:00:00Z"), label: "2026-11-20")
    private let grace = Duration.seconds(120)

    private func decide(legacy: Date? = nil, new: Date? = nil, carried: Bool = false) -> CarryDecision {
        GraceCarry.decide(window: window, grace: grace, legacyLastCommit: legacy, newLastCommit: new, alreadyCarried: carried)
    }

    @Test func carriesWhenEitherSideChangedWithinGraceOfTheEnd() {
        #expect(decide(legacy: utc("2026-11-20T23:59:30Z")) == .carry)
        #expect(decide(legacy: utc("2026-11-20T10:00:00Z"), new: utc("2026-11-20T23:58:00Z")) == .carry)
    }

    @Test func reportsChangesBeforeTheGracePeriod() {
        #expect(decide(legacy: utc("2026-11-20T23:57:59Z"), new: utc("2026-11-20T12:00:00Z")) == .report)
        #expect(decide() == .report)
    }

    @Test func carriesOnlyOnce() {
        #expect(decide(new: utc("2026-11-20T23:59:59Z"), carried: true) == .report)
    }

    @Test func commitsAtOrAfterTheEndDoNotCount() {
        #expect(decide(legacy: utc("2026-11-21T00:00:00Z")) == .report)
    }
}
