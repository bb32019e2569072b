import Foundation
import ParityModel

/// `parity verify --state`: the full stored state of both sides compared again through the mappings (what the baseline
/// does), set against the open-differences ledger the incremental closes kept. Its expected result is no discrepancy.
public struct StateVerification: Sendable, Equatable {
    /// One difference as either side of the check sees it.
    public struct Difference: Sendable, Equatable {
        /// The table mapping.
        public var mapping: String
        /// The canonical key the comparison pairs the sides by.
        public var canonicalKey: CanonicalKey
        /// Legacy key column → text.
        public var key: [String: String?]
        /// The legacy column; nil for a missing row.
        public var column: String?
        /// The finding kind.
        public var kind: FindingKind
        /// The legacy value as exact text; nil for NULL or a missing row.
        public var legacy: String?
        /// The new value as exact text; nil for NULL or a missing row.
        public var new: String?

        /// Creates a difference.
        public init(
            mapping: String, canonicalKey: CanonicalKey, key: [String: String?], column: String?, kind: FindingKind, legacy: String?, new: String?
        ) {
            self.mapping = mapping
            self.canonicalKey = canonicalKey
            self.key = key
            self.column = column
            self.kind = kind
            self.legacy = legacy
            self.new = new
        }

        var identity: Identity { Identity(mapping: mapping, key: canonicalKey, column: column ?? "") }

        /// The key as `col=value;col=value`, columns in name order.
        public var keyText: String {
            KeyText.format(key)
        }
    }

    /// What one difference is about: a mapping's key and column (`""` for a missing row), in mapping, key and column order.
    struct Identity: Hashable, Comparable {
        var mapping: String
        var key: CanonicalKey
        var column: String

        static func < (left: Identity, right: Identity) -> Bool {
            (left.mapping, left.key, left.column) < (right.mapping, right.key, right.column)
        }
    }

    /// What disagrees between the stored state and the ledger.
    public enum Problem: String, Sendable {
        /// The state differs where the ledger has nothing open: the incremental closes missed it.
        case missedByCloses = "missed_by_closes"
        /// The ledger holds it open but the state shows the sides equal.
        case staleInLedger = "stale_in_ledger"
        /// Both see a difference on the key and column, of another kind.
        case kindDiffers = "kind_differs"
    }

    /// One discrepancy: the state's view (nil when the state shows none) and the ledger's (nil when it has none open).
    public struct Discrepancy: Sendable, Equatable {
        /// What disagrees.
        public var problem: Problem
        /// The difference the full comparison found; nil when it found the sides equal.
        public var state: Difference?
        /// The ledger's open difference; nil when none is open.
        public var ledger: Difference?

        /// The difference this discrepancy is about (the state's, else the ledger's).
        public var subject: Difference { (state ?? ledger)! }
    }

    /// Per mapping, keys compared and differences the state shows.
    public struct MappingCount: Sendable, Equatable {
        /// The table mapping.
        public var mapping: String
        /// Keys compared.
        public var compared: Int
        /// Differences found (the ledger's kinds).
        public var differences: Int

        /// Creates a count.
        public init(mapping: String, compared: Int, differences: Int) {
            self.mapping = mapping
            self.compared = compared
            self.differences = differences
        }
    }

    /// The last closed cycle: the state compared is the state as of its end.
    public var asOfCycle: Int64
    /// When the check ran.
    public var checkedAt: Date
    /// Per mapping, what the full comparison found.
    public var mappings: [MappingCount]
    /// Open differences in the ledger.
    public var ledgerOpen: Int
    /// Where the ledger and the state disagree, in mapping, key and column order.
    public var discrepancies: [Discrepancy]

    /// Sets `state` (every difference the full comparison found) against `ledger` (every open difference), ignoring keys
    /// carried into the next cycle (a difference the grace period defers is not reported, nor opened, yet).
    public init(
        asOfCycle: Int64, checkedAt: Date, mappings: [MappingCount], state: [Difference], ledger: [Difference], carried: Set<CarriedKey>
    ) {
        self.asOfCycle = asOfCycle
        self.checkedAt = checkedAt
        self.mappings = mappings
        ledgerOpen = ledger.count
        let stateByIdentity = Dictionary(state.map { ($0.identity, $0) }, uniquingKeysWith: { first, _ in first })
        let ledgerByIdentity = Dictionary(ledger.map { ($0.identity, $0) }, uniquingKeysWith: { first, _ in first })
        var found: [Discrepancy] = []
        for difference in state where !carried.contains(CarriedKey(mapping: difference.mapping, canonicalKey: difference.canonicalKey)) {
            guard let open = ledgerByIdentity[difference.identity] else {
                found.append(Discrepancy(problem: .missedByCloses, state: difference, ledger: nil))
                continue
            }
            if open.kind != difference.kind { found.append(Discrepancy(problem: .kindDiffers, state: difference, ledger: open)) }
        }
        for open in ledger where stateByIdentity[open.identity] == nil {
            found.append(Discrepancy(problem: .staleInLedger, state: nil, ledger: open))
        }
        discrepancies = found.sorted { $0.subject.identity < $1.subject.identity }
    }

    /// 0 when the ledger is exactly what the state shows, 1 otherwise.
    public var exitCode: Int32 { discrepancies.isEmpty ? 0 : 1 }
}
