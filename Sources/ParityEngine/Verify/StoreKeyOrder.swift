import ParityConfig
import ParityModel
import PostgresClient
import SourceQueries

/// The store's key order as a PostgreSQL `ORDER BY` list: the byte order of the key's JSON array text exactly as
/// `RowJSON.key` writes it (each value written by its type's output function, as COPY writes it, then as a JSON string;
/// `null` for NULL), so that verify can merge a source table, read in this order, with the store's rows in theirs.
///
/// Each element of that text ends where its JSON string closes (or is `null`), so no element is the beginning of
/// another and the texts sort as the tuples of their elements: per key column, strings before `null` (`"` before `n`),
/// then the strings' bytes after the opening quote. A value of a type whose text never needs escaping (numbers, dates,
/// times, uuids) is its text and the closing quote. Any other is escaped by `to_json`, as the store escapes it except
/// for backspace and form feed, which `to_json` writes `\b` and `\f` where the store writes `\u0008` and `\u000c`: a
/// value holding one has those escapes rewritten (an escape is a backslash after an even run of backslashes).
enum StoreKeyOrder {
    /// The types whose text (`::text`, the same as their output function's) holds no character JSON escapes.
    static let plainTextTypes = ["int2", "int4", "int8", "numeric", "oid", "uuid", "date", "time", "timestamp", "timestamptz"]

    /// The `ORDER BY` list over `keyColumns` (the source table's key columns, in key order), of which `plainText` are of
    /// a type in ``plainTextTypes``, for a server whose encoding is UTF-8 (`utf8`: text compared in the C collation is
    /// compared byte by byte) or another one (its text converted to UTF-8 and compared as bytes).
    static func orderBy(keyColumns: [String], plainText: Set<String>, utf8: Bool) -> String {
        keyColumns.map { column in
            let name = quoteIdentifier(column)
            let element: String
            if plainText.contains(column) {
                element = "\(name)::text || chr(34)"
            } else {
                let text = "format('%s', \(name))"
                let json = "to_json(\(text))::text"
                // Dollar quotes: the backslashes mean the same whatever standard_conforming_strings says.
                let rewritten = #"regexp_replace(regexp_replace(\#(json), $$(?<!\\)((?:\\\\)*)\\b$$, $$\1\\u0008$$, 'g'), "#
                    + #"$$(?<!\\)((?:\\\\)*)\\f$$, $$\1\\u000c$$, 'g')"#
                element = "CASE WHEN strpos(\(text), chr(8)) = 0 AND strpos(\(text), chr(12)) = 0 THEN \(json) ELSE \(rewritten) END"
            }
            return "\(name) IS NULL, " + (utf8 ? "(\(element)) COLLATE \"C\"" : "convert_to(\(element), 'UTF8')")
        }.joined(separator: ", ")
    }

    /// The `ORDER BY` list for `keyColumns` of `table`, asking the server their types and its encoding.
    static func orderBy(keyColumns: [String], of table: QualifiedName, on connection: PostgresConnection) throws(PostgresError) -> String {
        let rows = try connection.query("""
            SELECT a.attname AS name FROM pg_attribute a
            WHERE a.attrelid = \(table.quoted)::regclass AND a.attnum > 0 AND NOT a.attisdropped
              AND a.atttypid = ANY(\(textArrayLiteral(plainTextTypes))::regtype[])
            """).rows
        let plainText = Set(try rows.map { row throws(PostgresError) in try row.decode(String.self, "name") })
        let utf8 = try connection.query("SELECT current_setting('server_encoding') = 'UTF8' AS utf8").singleRow().decode(Bool.self, "utf8")
        return orderBy(keyColumns: keyColumns, plainText: plainText, utf8: utf8)
    }
}
