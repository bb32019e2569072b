/// A row key (column → text) for people: `col=value;col=value`, columns in name order, `NULL` for a null value.
public enum KeyText {
    /// The key joined with `separator` (`;` in reports and CSV, `,` inside the gate's `{…}`).
    public static func format(_ key: [String: String?], separator: String = ";") -> String {
        key.keys.sorted().map { "\($0)=\(key[$0]! ?? "NULL")" }.joined(separator: separator)
    }
}
