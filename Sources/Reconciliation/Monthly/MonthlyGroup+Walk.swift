import ExactNumeric

extension MonthlyGroup {
    /// A group whose difference, rounding part, unexplained residual and tolerance check are computed exactly from the totals and
    /// bridge: within tolerance when the unexplained part is, as the monthly loader judges a group.
    ///
    /// Returns nil when a total, bridge amount or the tolerance is not a finite decimal (a `min`/`max` over text, say).
    public static func walking(
        group: [Column], legacy: String, new: String, bridge: [BridgeStep], daysWithDifferences: Int, tolerance: String
    ) -> MonthlyGroup? {
        guard let legacyTotal = finite(legacy), let newTotal = finite(new), let limit = finite(tolerance) else { return nil }
        var explained = ExactDecimal.zero
        for step in bridge {
            guard let amount = finite(step.amount) else { return nil }
            explained = explained + amount
        }
        let difference = newTotal - legacyTotal
        let unexplained = difference - explained
        return MonthlyGroup(
            group: group, legacy: legacy, new: new, difference: difference.description, bridge: bridge,
            roundingExplained: bridge.first { $0.kind == .finding(.rounding) }?.amount ?? "0", unexplained: unexplained.description,
            daysWithDifferences: daysWithDifferences, withinTolerance: unexplained.abs <= limit.abs)
    }

    private static func finite(_ text: String) -> ExactDecimal? {
        ExactDecimal(text).flatMap { $0.isFinite ? $0 : nil }
    }
}
