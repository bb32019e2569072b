import PostgresClient

/// The store's key order as a PostgreSQL sort expression: the UTF-8 bytes of the key's JSON array text exactly as
/// `RowJSON.key` writes it (each value written by its type's output function, as COPY writes it, then as a JSON string;
/// `null` for NULL), so that verify can merge a source table, read in this order, with the store's rows in theirs.
///
/// `to_json` escapes as the store does except for backspace and form feed, which it writes `\b` and `\f` where the
/// store writes `\u0008` and `\u000c`: a value holding one has those escapes rewritten (an escape is a backslash
/// after an even run of backslashes).
enum StoreKeyOrder {
    /// The sort expression over `keyColumns` (the source table's key columns, in key order).
    static func expression(keyColumns: [String]) -> String {
        let elements = keyColumns.map { column in
            let text = "format('%s', \(quoteIdentifier(column)))"
            let json = "to_json(\(text))::text"
            // Dollar quotes: the backslashes mean the same whatever standard_conforming_strings says.
            let rewritten = #"regexp_replace(regexp_replace(\#(json), $$(?<!\\)((?:\\\\)*)\\b$$, $$\1\\u0008$$, 'g'), "#
                + #"$$(?<!\\)((?:\\\\)*)\\f$$, $$\1\\u000c$$, 'g')"#
            return "CASE WHEN \(quoteIdentifier(column)) IS NULL THEN 'null' "
                + "WHEN strpos(\(text), chr(8)) = 0 AND strpos(\(text), chr(12)) = 0 THEN \(json) ELSE \(rewritten) END"
        }
        return "convert_to('[' || \(elements.joined(separator: " || ',' || ")) || ']', 'UTF8')"
    }
}
