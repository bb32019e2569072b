import ParityConfig

/// Which tables go into a source's publications. Mapped tables, and watched tables with a usable
/// replica identity, get every operation; watched tables without one go only into an insert-only
/// publication, because publishing UPDATE/DELETE for them would make the source's own UPDATE and
/// DELETE fail.
struct PublicationPlan: Equatable {
    /// Tables published with insert, update, delete and truncate.
    var full: [QualifiedName]
    /// Watched tables without a usable replica identity: published with insert and truncate only.
    var insertOnly: [QualifiedName]

    /// The insert-only publication's name for a main publication name (at most 63 bytes).
    static func insertOnlyName(for publication: String) -> String {
        String(publication.prefix(63 - "_insert_only".count)) + "_insert_only"
    }

    init(mapped: [QualifiedName], watched: [(table: QualifiedName, hasReplicaIdentity: Bool)]) {
        let mappedSet = Set(mapped)
        var seen = Set<QualifiedName>()
        full = mapped.filter { seen.insert($0).inserted }
        insertOnly = []
        for candidate in watched where !mappedSet.contains(candidate.table) && seen.insert(candidate.table).inserted {
            if candidate.hasReplicaIdentity { full.append(candidate.table) } else { insertOnly.append(candidate.table) }
        }
    }
}
