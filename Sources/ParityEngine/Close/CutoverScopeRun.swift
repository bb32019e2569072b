import ParityConfig
import ParityModel
import ParityStore
import Reconciliation
import SourceQueries

/// A mapping's cutover scope at one cycle's close: the predicate the comparison applies, and the share the cycle records.
///
/// A scope that differs from the one the mapping was last compared under may have brought rows in that no cycle compared
/// (a filter widened, keys added to a scope table), so every key in scope is compared again; going from no scope to a
/// scope only leaves rows out, so it does not.
struct CutoverScopeRun {
    let mapping: TableMapping
    /// Nil when the scope was just removed (every key in scope).
    let predicate: ScopePredicate?
    let definition: String?
    let digest: String
    /// The keys the scope table listed at this close; nil for filters.
    let listed: Set<ExactText>?
    /// Whether the scope differs from the one the mapping was last compared under.
    let changed: Bool
    /// Whether every key in scope is compared, not only the keys changed, carried or open.
    let comparesAll: Bool

    /// The scope of `mapping` in this cycle; nil when it has none now and had none when last compared. `keys` are what its
    /// scope table listed, read at this close.
    static func prepare(_ mapping: TableMapping, keys: Set<ExactText>?, previous: ScopeShare?) throws(EngineError) -> CutoverScopeRun? {
        let before = previous?.digest ?? ""
        guard let scope = mapping.scope else {
            guard !before.isEmpty else { return nil }
            return CutoverScopeRun(
                mapping: mapping, predicate: nil, definition: nil, digest: "", listed: nil, changed: true, comparesAll: true)
        }
        let listed = keys ?? []
        let predicate: ScopePredicate
        do {
            predicate = try ScopePredicate(scope, mapping: mapping, keys: listed)
        } catch {
            throw EngineError(.configuration, source: nil, message: "tables \(mapping.name) scope: \(error)", fix: "correct the scope filter")
        }
        let listedText = keys.map { "\n" + $0.sorted().map(\.rawValue).joined(separator: "\n") } ?? ""
        let digest = SHA256Hex.of(scope.definition + listedText)
        return CutoverScopeRun(
            mapping: mapping, predicate: predicate, definition: scope.definition, digest: digest, listed: keys, changed: before != digest,
            comparesAll: !before.isEmpty && before != digest)
    }

    /// The keys of the mapping `reader` sees (a close task's parts, or all) with a row on either side at the cycle's end,
    /// those in scope, and `outOfScope`, the keys the comparison met and left out.
    struct Count: Codable, Equatable {
        var rows = 0
        var inScope = 0
        var outOfScope = 0

        func adding(_ other: Count) -> Count {
            Count(rows: rows + other.rows, inScope: inScope + other.inScope, outOfScope: outOfScope + other.outOfScope)
        }
    }

    /// Counts the keys `reader` sees: every key of both sides' state, paired and tested.
    func count(_ reader: CycleStateReader, outOfScope: Int) throws -> Count {
        var count = Count(outOfScope: outOfScope)
        var pairs = try PairedRows(reader, mapping: mapping, changedOnly: false)
        while let pair = try pairs.next() {
            count.rows += 1
            if try predicate?.contains(legacy: pair.legacy?.image, new: pair.new?.image) ?? true { count.inScope += 1 }
        }
        return count
    }

    /// The share of the mapping in scope at the cycle's end, from the count of every key.
    func share(cycle: Int64, count: Count) -> ScopeShare {
        ScopeShare(
            cycle: cycle, mapping: mapping.name, definition: definition, digest: digest, listedKeys: listed?.count, rows: count.rows,
            inScope: count.inScope, outOfScope: count.outOfScope, comparedAll: comparesAll)
    }
}
