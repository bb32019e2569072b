import Foundation
import ParityModel

/// How many contracts the evidence supports and what the last `parity contracts export` wrote, for the end-of-day
/// report and the gate.
public struct ContractsStatus: Sendable, Equatable {
    /// One recorded export.
    public struct Export: Sendable, Equatable {
        /// When it ran.
        public var exportedAt: Date
        /// Contracts written.
        public var contracts: Int
        /// Vectors written, over every contract.
        public var vectors: Int
        /// The decisions fingerprint (`Decisions.fingerprint`) in force when it ran.
        public var decisionsFingerprint: String

        /// Creates an export.
        public init(exportedAt: Date, contracts: Int, vectors: Int, decisionsFingerprint: String) {
            self.exportedAt = exportedAt
            self.contracts = contracts
            self.vectors = vectors
            self.decisionsFingerprint = decisionsFingerprint
        }
    }

    /// Contracts the current evidence and config support.
    public var known: Int
    /// The last export; nil when none ran.
    public var lastExport: Export?
    /// The decisions fingerprint now.
    public var decisionsFingerprint: String

    /// Creates a status.
    public init(known: Int, lastExport: Export?, decisionsFingerprint: String) {
        self.known = known
        self.lastExport = lastExport
        self.decisionsFingerprint = decisionsFingerprint
    }

    /// Whether the last export ran under the decisions in force now (none changed since).
    public var exportCurrent: Bool { lastExport?.decisionsFingerprint == decisionsFingerprint }

    /// One line: `6 contract(s) known; 6 exported at 2026-11-20T08:00:00Z, decisions unchanged since`.
    public var summary: String {
        guard let last = lastExport else { return "\(known) contract(s) known; none exported (parity contracts export)" }
        let since = exportCurrent ? "decisions unchanged since" : "decisions changed since: export again"
        return "\(known) contract(s) known; \(last.contracts) exported at \(StoreTime.iso(last.exportedAt)), \(since)"
    }
}
