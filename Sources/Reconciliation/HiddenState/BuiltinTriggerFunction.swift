/// Trigger functions PostgreSQL and its common contrib modules ship in C: their effects are read from the trigger's
/// arguments instead of a body. Any other function without a readable body is unanalysed.
public enum BuiltinTriggerFunction {
    /// What a known built-in trigger function does, from the trigger's arguments; nil for a function not known here.
    ///
    /// - `tsvector_update_trigger(tsvector_column, config, column…)` and `tsvector_update_trigger_column(tsvector_column,
    ///   config_column, column…)` assign the tsvector column;
    /// - `suppress_redundant_updates_trigger()` assigns nothing (it skips updates that change nothing);
    /// - `moddatetime(column)` (contrib) assigns its timestamp column; `insert_username(column)` (contrib) its user column.
    public static func reach(function: String, arguments: [String]) -> FunctionReach? {
        let name = function.split(separator: ".").last.map(String.init) ?? function
        var reach = FunctionReach()
        reach.chain = [function]
        switch name {
        case "tsvector_update_trigger", "tsvector_update_trigger_column", "moddatetime", "insert_username":
            guard let column = arguments.first else { return nil }
            reach.assignedNewColumns = [column]
        case "suppress_redundant_updates_trigger":
            reach.returnsNull = true
        default:
            return nil
        }
        reach.bodyHash = StableHash.fnv1a64(([function] + arguments).joined(separator: "\u{0}"))
        return reach
    }

    /// A trigger's arguments from `pg_trigger.tgargs` as `encode(tgargs, 'escape')` writes it: each argument ends with a
    /// NUL byte (`\000`), and a backslash is doubled.
    public static func arguments(escaped: String) -> [String] {
        var arguments: [String] = []
        var current = ""
        var characters = Substring(escaped)
        while let first = characters.first {
            if characters.hasPrefix("\\000") {
                arguments.append(current)
                current = ""
                characters = characters.dropFirst(4)
            } else if characters.hasPrefix("\\\\") {
                current.append("\\")
                characters = characters.dropFirst(2)
            } else {
                current.append(first)
                characters = characters.dropFirst()
            }
        }
        if !current.isEmpty { arguments.append(current) }
        return arguments
    }
}
