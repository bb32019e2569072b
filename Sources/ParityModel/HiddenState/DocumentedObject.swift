/// A documented legacy object (`hidden_state.documented[]`).
public struct DocumentedObject: Sendable, Hashable {
    /// What kind of object it is.
    public var kind: HiddenStateKind
    /// Its name as in the catalog (trigger name, function name, job name, …).
    public var name: String
    /// The table it belongs to, when it belongs to one.
    public var table: QualifiedName?
    /// What happens to it in the new system.
    public var disposition: HiddenStateDisposition
    /// Where its behaviour lives now, as free text.
    public var `where`: String?
    /// Free-text note.
    public var note: String?

    /// Creates a documented object.
    public init(
        kind: HiddenStateKind,
        name: String,
        table: QualifiedName? = nil,
        disposition: HiddenStateDisposition,
        where: String? = nil,
        note: String? = nil
    ) {
        self.kind = kind
        self.name = name
        self.table = table
        self.disposition = disposition
        self.where = `where`
        self.note = note
    }
}

/// What became of a documented legacy object.
public enum HiddenStateDisposition: String, Sendable, Hashable, CaseIterable {
    /// The new system reproduces its behaviour.
    case reproduced
    /// Its behaviour is deliberately dropped.
    case retired
    /// It is known and accepted as is.
    case accepted
}
