extension EndOfDayReport {
    /// A legacy catalog item added, removed or changed since the previous cycle's inventory.
    public struct InventoryChangeLine: Sendable, Equatable {
        /// `added`, `removed` or `changed`.
        public var change: String
        /// The item's kind.
        public var kind: String
        /// The item's name.
        public var name: String
        /// The table it belongs to.
        public var table: String?
        /// Whether it is documented.
        public var documented: Bool
        /// What changed (`body`, detail keys).
        public var detail: String

        /// Creates a line.
        public init(change: String, kind: String, name: String, table: String?, documented: Bool, detail: String) {
            self.change = change
            self.kind = kind
            self.name = name
            self.table = table
            self.documented = documented
            self.detail = detail
        }

        /// Report order: undocumented before documented, then added, changed, removed.
        public static func ranked(_ lines: [InventoryChangeLine]) -> [InventoryChangeLine] {
            let order = ["added": 0, "changed": 1, "removed": 2]
            return lines.sorted {
                ($0.documented ? 1 : 0, order[$0.change] ?? 3, $0.kind, $0.name) < ($1.documented ? 1 : 0, order[$1.change] ?? 3, $1.kind, $1.name)
            }
        }
    }
}
