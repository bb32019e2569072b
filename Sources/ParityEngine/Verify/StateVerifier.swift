import Foundation
import Logging
import ParityLogging
import ParityModel
import ParityConfig
import ParityStore
import Reconciliation
import SourceQueries

/// `parity verify --state`: checks the store's structure (`PRAGMA quick_check`), then compares both sides' full stored
/// state through every mapping, as the baseline does, and checks that the differences it finds are exactly the ledger's
/// open ones. A self-check of the incremental closes; a
/// mapping no close has compared yet is left out (`parity verify` names it).
public enum StateVerifier {
    /// The check as of the last closed cycle, at `now`, reporting each mapping's keys compared to `progress`; each mapping
    /// checked is logged to `logger` with its keys compared and differences found.
    public static func run(
        _ configuration: ParityConfiguration, store: any Store, now: Date = Date(), progress: @escaping WorkProgress.Sink = { _ in },
        logger: Logger = .discarding
    ) throws(EngineError) -> StateVerification {
        do {
            // The state is read page by page below anyway: a damaged page is named first, with what to do.
            try store.checkIntegrity()
            guard let last = try store.latestCycle() else {
                throw EngineError(.notReady, source: nil, message: "no cycle is closed yet: there is no state to verify", fix: "run parity close")
            }
            let scopes = try configuration.tables.map { try scope(of: $0, store: store) }
            var counts: [StateVerification.MappingCount] = []
            var state: [StateVerification.Difference] = []
            try store.withClosedState { reader in
                // A mapping no close has compared yet (not initialized, or added since) has no ledger to check against.
                let compared = try reader.mappingBaselines()
                for (mapping, scope) in zip(configuration.tables, scopes) where compared[mapping.name] != nil {
                    var rounding = RoundingObservations()
                    let outcome = try MappingComparison(
                        mapping: mapping, window: nil, everyRow: true, label: "verify", grace: .zero, scope: scope
                    ).run(reader, rounding: &rounding, progress: progress)
                    let found = outcome.verdicts.flatMap { verdict in
                        verdict.findings.map { finding in
                            StateVerification.Difference(
                                mapping: mapping.name, canonicalKey: verdict.canonical, key: finding.key, column: finding.column,
                                kind: finding.kind, legacy: finding.legacy, new: finding.new)
                        }
                    }
                    counts.append(.init(mapping: mapping.name, compared: outcome.table.compared, differences: found.count))
                    logger.info("verified a mapping's stored state", metadata: .parity([
                        .mapping: mapping.name, .compared: String(outcome.table.compared), .problems: String(found.count),
                    ]))
                    state += found
                }
            }
            let ledger = try store.differences().map { open in
                StateVerification.Difference(
                    mapping: open.finding.mapping, canonicalKey: open.canonicalKey, key: open.finding.key, column: open.finding.column,
                    kind: open.finding.kind, legacy: open.finding.legacy, new: open.finding.new)
            }
            let carried = Set(try store.carriedKeys(into: last.id + 1))
            return StateVerification(asOfCycle: last.id, checkedAt: now, mappings: counts, state: state, ledger: ledger, carried: carried)
        } catch let error as EngineError {
            throw error
        } catch {
            throw EngineError.store(error, doing: "verifying the stored state", fix: "check the store (store.path or store.url) can be read")
        }
    }

    /// The cutover scope `mapping` is compared under: the one its last close compared under (with the keys its scope table
    /// listed then), which must be the config's.
    private static func scope(of mapping: TableMapping, store: any Store) throws -> ScopePredicate? {
        let latest = try store.latestScope(mapping: mapping.name)
        let listed: Set<ExactText>? = if case .keyTable = mapping.scope { latest?.keys ?? [] } else { nil }
        let run = try CutoverScopeRun.prepare(mapping, keys: listed, previous: latest?.share)
        if let run, run.changed {
            throw EngineError(
                .notReady, source: nil, message: "the scope of \(mapping.name) in the config is not the one the last close compared under",
                fix: "run parity close (it compares under the new scope), then verify")
        }
        return run?.predicate
    }
}
