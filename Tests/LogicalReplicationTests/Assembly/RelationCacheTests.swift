import LogicalReplication
import Testing

struct RelationCacheTests {
    @Test func addsRepeatsAndReplaces() {
        var cache = RelationCache()
        let first = RelationDescription(Samples.accounts)
        #expect(cache.relationReceived(Samples.accounts) == .added(first))
        #expect(cache.relationReceived(Samples.accounts) == .unchanged(first))
        var altered = Samples.accounts
        altered.columns.append(.init(flags: 0, name: "note", typeOID: 25, typeModifier: -1))
        let second = RelationDescription(altered)
        #expect(cache.relationReceived(altered) == .replaced(previous: first, current: second))
        #expect(cache[Samples.accountsOID] == second)
        #expect(cache[1] == nil)
        #expect(cache.count == 1)
    }

    @Test func aStreamedRelationDescribesTheSameRelation() {
        var cache = RelationCache()
        cache.relationReceived(Samples.accounts)
        var streamed = Samples.accounts
        streamed.xid = 900
        #expect(cache.relationReceived(streamed) == .unchanged(RelationDescription(Samples.accounts)))
    }

    @Test func describesKeysAndNames() {
        let description = RelationDescription(Samples.accounts)
        #expect(description.keyColumnNames == ["id"])
        #expect(description.qualifiedName == "public.accounts")
        #expect(RelationDescription(oid: 1, namespace: "", name: "pg_class", replicaIdentity: .nothing, columns: []).qualifiedName == "pg_catalog.pg_class")
    }

    @Test func recordsTypes() {
        var cache = RelationCache()
        cache.typeReceived(TypeMessage(oid: 16432, namespace: "public", name: "mood"))
        #expect(cache.type(oid: 16432)?.name == "mood")
        #expect(cache.type(oid: 1) == nil)
    }
}
