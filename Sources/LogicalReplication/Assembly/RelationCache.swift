/// The relations (and custom types) announced so far on one replication stream.
public struct RelationCache: Hashable, Sendable {
    /// What a Relation message did to the cache.
    public enum Update: Hashable, Sendable {
        /// The relation was not known before.
        case added(RelationDescription)
        /// The relation was already known with the same description (harmless repeat, e.g. after ANALYZE).
        case unchanged(RelationDescription)
        /// The relation changed shape (e.g. ALTER TABLE ADD COLUMN); the new description replaces the old.
        case replaced(previous: RelationDescription, current: RelationDescription)
    }

    /// A custom data type announced by a Type message.
    public struct TypeDescription: Hashable, Sendable {
        /// The type OID.
        public var oid: UInt32
        /// The schema name.
        public var namespace: String
        /// The type name.
        public var name: String
    }

    private var relationsByOID: [UInt32: RelationDescription] = [:]
    private var typesByOID: [UInt32: TypeDescription] = [:]

    /// Creates an empty cache.
    public init() {}

    /// Records a Relation message.
    @discardableResult
    public mutating func relationReceived(_ message: RelationMessage) -> Update {
        let current = RelationDescription(message)
        guard let previous = relationsByOID.updateValue(current, forKey: current.oid) else { return .added(current) }
        return previous == current ? .unchanged(current) : .replaced(previous: previous, current: current)
    }

    /// Records a Type message.
    public mutating func typeReceived(_ message: TypeMessage) {
        typesByOID[message.oid] = TypeDescription(oid: message.oid, namespace: message.namespace, name: message.name)
    }

    /// The latest description of a relation, or nil when no Relation message announced it.
    public subscript(oid: UInt32) -> RelationDescription? {
        relationsByOID[oid]
    }

    /// The custom type with this OID, or nil when no Type message announced it.
    public func type(oid: UInt32) -> TypeDescription? {
        typesByOID[oid]
    }

    /// The number of known relations.
    public var count: Int { relationsByOID.count }
}
