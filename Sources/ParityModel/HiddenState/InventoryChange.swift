/// One catalog item added, removed or changed since a source's previous inventory: what a close records and the
/// end-of-day report shows.
public struct InventoryChange: Sendable, Equatable {
    /// What happened to the item.
    public enum Change: String, Sendable, CaseIterable {
        case added, changed, removed
    }

    public var side: SourceSide
    public var change: Change
    /// The item's kind.
    public var kind: HiddenStateKind
    /// The item's name.
    public var name: String
    /// The table it belongs to, `schema.table`.
    public var table: String?
    /// Whether `hidden_state.documented` names it.
    public var documented: Bool
    /// What changed (`body`, detail keys), or empty.
    public var detail: String

    /// Creates a change.
    public init(side: SourceSide, change: Change, kind: HiddenStateKind, name: String, table: String?, documented: Bool, detail: String) {
        self.side = side
        self.change = change
        self.kind = kind
        self.name = name
        self.table = table
        self.documented = documented
        self.detail = detail
    }

    /// Report order: undocumented before documented, then added, changed, removed, then by kind and name.
    public static func ranked(_ changes: [InventoryChange]) -> [InventoryChange] {
        func rank(_ change: Change) -> Int {
            switch change {
            case .added: 0
            case .changed: 1
            case .removed: 2
            }
        }
        return changes.sorted {
            ($0.documented ? 1 : 0, rank($0.change), $0.kind.rawValue, $0.name) < ($1.documented ? 1 : 0, rank($1.change), $1.kind.rawValue, $1.name)
        }
    }
}
