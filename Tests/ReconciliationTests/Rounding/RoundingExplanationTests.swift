import ExactNumeric
import Testing
@testable import Reconciliation

@Suite struct RoundingExplanationTests {
    private func explain(legacy: String, new: String, unrounded: String, newUnrounded: String? = nil, scale: Int = 2) -> RoundingExplanation? {
        RoundingExplanation.explain(
            legacyStored: ExactDecimal(legacy)!, newStored: ExactDecimal(new)!,
            legacyUnrounded: ExactDecimal(unrounded)!, newUnrounded: ExactDecimal(newUnrounded ?? unrounded)!, scale: scale
        )
    }

    @Test func halfEvenAgainstHalfUpOnAPositiveTie() throws {
        let explanation = try #require(explain(legacy: "2.34", new: "2.35", unrounded: "2.345"))
        #expect(explanation.legacyModes == [.halfEven, .halfDown, .halfFloor, .down, .floor])
        #expect(explanation.newModes == [.halfUp, .halfOdd, .halfCeiling, .up, .ceiling])
        #expect(explanation.label(preferring: nil, nil) == "legacy half_even, new half_up")
        #expect(explanation.label(preferring: .halfDown, .halfCeiling) == "legacy half_down, new half_ceiling")
        #expect(explanation.label(preferring: .halfUp, .halfEven) == "legacy half_even, new half_up")
    }

    @Test func negativeTiesNameTheModesThatDifferOnNegatives() throws {
        let explanation = try #require(explain(legacy: "-2.34", new: "-2.35", unrounded: "-2.345"))
        #expect(explanation.legacyModes == [.halfEven, .halfDown, .halfCeiling, .down, .ceiling])
        #expect(explanation.newModes == [.halfUp, .halfOdd, .halfFloor, .up, .floor])
        #expect(explanation.label(preferring: .halfCeiling, nil) == "legacy half_ceiling, new half_up")
    }

    @Test func storedValuesMayHaveAnyScale() {
        #expect(explain(legacy: "2.340", new: "2.35", unrounded: "2.345") != nil)
    }

    @Test func differencesOtherThanOneUnitInTheLastPlaceAreNotRounding() {
        #expect(explain(legacy: "2.34", new: "2.36", unrounded: "2.345") == nil)
        #expect(explain(legacy: "2.34", new: "2.35", unrounded: "2.345", scale: 3) == nil)
        #expect(explain(legacy: "2.35", new: "2.35", unrounded: "2.345") == nil)
    }

    @Test func aStoredValueNoModeProducesIsNotRounding() {
        #expect(explain(legacy: "2.33", new: "2.34", unrounded: "2.345") == nil)
    }

    @Test func oneModeExplainingBothSidesIsNotARoundingDifference() {
        #expect(explain(legacy: "2.35", new: "2.36", unrounded: "2.345", newUnrounded: "2.355") == nil)
    }

    @Test func nonFiniteValuesAreNotRounding() {
        #expect(explain(legacy: "NaN", new: "2.35", unrounded: "2.345") == nil)
    }
}
