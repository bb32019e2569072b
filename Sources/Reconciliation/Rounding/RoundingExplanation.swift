import ExactNumeric

/// Why a legacy and a new stored value differ by one unit in the last place: each side rounded with other modes.
public struct RoundingExplanation: Sendable, Hashable {
    /// The modes that round the legacy unrounded value to the legacy stored value.
    public let legacyModes: Set<RoundingMode>
    /// The modes that round the new unrounded value to the new stored value.
    public let newModes: Set<RoundingMode>

    /// The explanation when the stored values differ by exactly 10^−scale, each side's stored value is its
    /// unrounded value rounded at `scale` by some mode, and no single mode produced both; otherwise nil.
    public static func explain(
        legacyStored: ExactDecimal, newStored: ExactDecimal,
        legacyUnrounded: ExactDecimal, newUnrounded: ExactDecimal, scale: Int
    ) -> RoundingExplanation? {
        let values = [legacyStored, newStored, legacyUnrounded, newUnrounded]
        guard values.allSatisfy(\.isFinite),
              (legacyStored - newStored).abs == ExactDecimal(coefficient: 1, scale: scale) else { return nil }
        let legacyModes = RoundingMode.modes(explaining: legacyStored, from: legacyUnrounded, scale: scale)
        let newModes = RoundingMode.modes(explaining: newStored, from: newUnrounded, scale: scale)
        guard !legacyModes.isEmpty, !newModes.isEmpty, legacyModes.isDisjoint(with: newModes) else { return nil }
        return RoundingExplanation(legacyModes: legacyModes, newModes: newModes)
    }

    /// One mode per side, e.g. "legacy half_even, new half_up": the preferred mode if it explains that side, else the most common that does.
    public func label(preferring legacy: RoundingMode?, _ new: RoundingMode?) -> String {
        "legacy \(Self.name(of: legacyModes, preferring: legacy)), new \(Self.name(of: newModes, preferring: new))"
    }

    private static func name(of modes: Set<RoundingMode>, preferring preferred: RoundingMode?) -> String {
        if let preferred, modes.contains(preferred) { return preferred.rawValue }
        return RoundingMode.mostCommon(in: modes)?.rawValue ?? "none"
    }
}
