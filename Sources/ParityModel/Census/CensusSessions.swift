/// Sessions of one census sample that share who they are and the kind of statement they last ran.
public struct CensusSessions: Sendable, Hashable {
    /// Who the sessions are.
    public var identity: CensusClient.Identity
    /// What their statements did.
    public var statementKind: StatementKind
    /// How many sessions.
    public var count: Int

    /// Creates a group of sessions.
    public init(identity: CensusClient.Identity, statementKind: StatementKind, count: Int) {
        self.identity = identity
        self.statementKind = statementKind
        self.count = count
    }
}
