/// The kinds of change a cycle made to one key, as the fold records them (`row_delta.events`, migrations/017).
public struct ChangeEvents: OptionSet, Sendable, Hashable {
    public let rawValue: Int

    /// Creates the set from its stored bits.
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// The key was inserted.
    public static let insert = ChangeEvents(rawValue: 1)
    /// The key was updated (also the old key of an update that changed the key).
    public static let update = ChangeEvents(rawValue: 2)
    /// The key was deleted.
    public static let delete = ChangeEvents(rawValue: 4)
    /// The key's table was truncated.
    public static let truncate = ChangeEvents(rawValue: 8)

    /// The bits of a change whose `op` column (`insert`, `update`, `delete`, `truncate`) is the SQL expression `op`.
    static func sql(op: String) -> String {
        "CASE \(op) WHEN 'insert' THEN \(insert.rawValue) WHEN 'update' THEN \(update.rawValue) "
            + "WHEN 'delete' THEN \(delete.rawValue) WHEN 'truncate' THEN \(truncate.rawValue) ELSE 0 END"
    }

    /// The fold's upsert of `events`: the changes of one cycle add up; a later cycle's fold starts afresh.
    static let accumulated = """
        events = CASE WHEN row_delta.folded_by IS excluded.folded_by THEN coalesce(row_delta.events, 0) | excluded.events
            ELSE excluded.events END
        """
}
