import ParityConfig

extension GateEvaluator {
    /// Every aggregate group of the last complete month within tolerance.
    static func aggregates(_ month: GateInput.Month?) -> GateCriterion {
        guard let month else {
            return GateCriterion(name: .aggregates, result: .notEvaluated, evidence: "no complete month closed yet", command: "parity report monthly")
        }
        let off = month.aggregates.filter { $0.groupsOutOfTolerance > 0 }
        return judged(
            .aggregates,
            details: off.map { "\($0.name): \($0.groupsOutOfTolerance) group(s) out of tolerance" + ($0.firstExample.map { ", e.g. \($0)" } ?? "") },
            pass: "\(month.aggregates.count) aggregate(s) reconciled within tolerance for \(month.month)",
            fail: "\(off.count) of \(month.aggregates.count) aggregate(s) out of tolerance for \(month.month)",
            command: "parity report monthly --month \(month.month)")
    }

    /// No undocumented legacy object, unmapped trigger-maintained table, unmapped write, uncovered blind spot or unreviewed inventory change.
    /// Nil `state` (no legacy inventory was taken at any close in the window) is not evaluated.
    static func hiddenState(_ state: GateInput.HiddenState?) -> GateCriterion {
        guard let state else {
            return GateCriterion(
                name: .hiddenState, result: .notEvaluated,
                evidence: "no legacy inventory was taken at any close in the window (was the legacy database reachable?)",
                command: "parity inventory")
        }
        let lists: [(String, [String]?)] = [
            ("undocumented", state.undocumented), ("unmapped trigger-maintained", state.unmappedTriggerMaintained),
            ("unmapped writes", state.unmappedWrites), ("uncovered blind spot", state.uncoveredBlindSpots),
            ("inventory change", state.inventoryChanges),
        ]
        let details = lists.flatMap { label, items in (items ?? []).map { "\(label): \($0)" } }
        let missing = lists.filter { $0.1 == nil }.map(\.0)
        if details.isEmpty, !missing.isEmpty {
            return GateCriterion(name: .hiddenState, result: .notEvaluated, evidence: "not available: \(missing.joined(separator: ", "))",
                                 command: "parity inventory")
        }
        let counts = lists.compactMap { label, items in items.flatMap { $0.isEmpty ? nil : "\($0.count) \(label)" } }
        return judged(
            .hiddenState, details: details,
            pass: "no undocumented object, unmapped trigger-maintained table, unmapped write, blind spot or inventory change",
            fail: counts.joined(separator: ", "), command: "parity inventory")
    }

    /// No legacy write at all in the last `cycles` cycles of the window, and (when the census is read) no client but the
    /// allowed ones, no undocumented outbound integration and no other consumer of changes.
    static func legacyQuiet(
        _ window: [GateInput.Cycle], writes: [GateInput.CycleWrites]?, use: LegacyUse.Verdict?, cycles: Int
    ) -> GateCriterion {
        let quiet = window.suffix(cycles)
        guard quiet.count >= cycles, let writes else {
            let why = quiet.count < cycles ? "\(quiet.count) of \(cycles) cycles closed" : "legacy writes not recorded"
            return GateCriterion(name: .legacyQuiet, result: .notEvaluated, evidence: why, command: "parity status")
        }
        let byCycle = Dictionary(writes.map { ($0.cycleID, $0.tables) }, uniquingKeysWith: +)
        let noisy = quiet.filter { (byCycle[$0.id] ?? []).contains { $0.rows > 0 } }
        let details = noisy.flatMap { cycle in
            byCycle[cycle.id]!.filter { $0.rows > 0 }.map { "\(cycleText(cycle)): \($0.table) \($0.rows) row(s)" + ($0.writer.map { " by \($0)" } ?? "") }
        } + (use?.evidence ?? [])
        let fail = (noisy.isEmpty ? [] : ["legacy written in \(noisy.count) of the last \(cycles) cycles"])
            + ((use?.isQuiet ?? true) ? [] : ["legacy still used (\(use!.evidence.count) client(s), integration(s) or consumer(s))"])
        if fail.isEmpty, let unread = use?.unreadCatalog {
            return GateCriterion(
                name: .legacyQuiet, result: .notEvaluated,
                evidence: "legacy's catalog cannot be read (\(unread)): outbound integrations and consumers not checked", command: "parity check")
        }
        return judged(
            .legacyQuiet, details: details,
            pass: "no legacy write in the last \(cycles) cycles (\(quiet.first!.label) … \(quiet.last!.label))"
                + (use == nil ? "" : ", no other client, integration or consumer"),
            fail: fail.joined(separator: "; "), command: noisy.isEmpty ? "parity inventory" : eodCommand(noisy.first))
    }

    /// Each source reachable, its slot present and not lost, lag within `gate.max_lag`.
    static func captureHealth(_ sources: [GateInput.SourceCapture], maxLag: Duration) -> GateCriterion {
        let limit = maxLag.components.seconds
        var details: [String] = []
        for source in sources {
            guard let health = source.health else { continue }
            if !health.slotPresent { details.append("\(source.source): replication slot missing") }
            if health.slotLost { details.append("\(source.source): replication slot lost or invalidated") }
            if health.slotRecreated {
                details.append("\(source.source): replication slot recreated behind Parity's back (confirmed past the store's position)")
            }
            if let lag = health.lagSeconds, lag > limit { details.append("\(source.source): lag \(lag)s > \(limit)s") }
        }
        let unreachable = sources.filter { $0.health == nil }.map(\.source)
        if details.isEmpty, sources.isEmpty || !unreachable.isEmpty {
            let why = sources.isEmpty ? "no source health recorded" : "unreachable: \(unreachable.map(\.rawValue).joined(separator: ", "))"
            return GateCriterion(name: .captureHealth, result: .notEvaluated, evidence: why, command: "parity status")
        }
        let lags = sources.compactMap { source in source.health.map { "\(source.source) lag \($0.lagSeconds.map { "\($0)s" } ?? "unknown")" } }
        return judged(
            .captureHealth, details: details, pass: "slots present; \(lags.joined(separator: ", ")) ≤ \(limit)s",
            fail: "\(details.count) capture problem(s)", command: "parity status")
    }
}
