import ParityConfig
import ParityModel

/// Which tables go into a source's publications. Mapped tables, and watched tables with a usable
/// replica identity, get every operation; watched tables without one go only into an insert-only
/// publication, because publishing UPDATE/DELETE for them would make the source's own UPDATE and
/// DELETE fail.
public struct PublicationPlan: Equatable {
    /// Tables published with insert, update, delete and truncate.
    public var full: [QualifiedName]
    /// Watched tables without a usable replica identity: published with insert and truncate only.
    public var insertOnly: [QualifiedName]

    /// The insert-only publication's name for a main publication name (at most 63 bytes).
    public static func insertOnlyName(for publication: String) -> String {
        String(publication.prefix(63 - "_insert_only".count)) + "_insert_only"
    }

    /// The plan for the `mapped` tables and the `watched` ones (with whether each has a usable replica identity).
    public init(mapped: [QualifiedName], watched: [(table: QualifiedName, hasReplicaIdentity: Bool)]) {
        let mappedSet = Set(mapped)
        var seen = Set<QualifiedName>()
        full = mapped.filter { seen.insert($0).inserted }
        insertOnly = []
        for candidate in watched where !mappedSet.contains(candidate.table) && seen.insert(candidate.table).inserted {
            if candidate.hasReplicaIdentity { full.append(candidate.table) } else { insertOnly.append(candidate.table) }
        }
    }
}
