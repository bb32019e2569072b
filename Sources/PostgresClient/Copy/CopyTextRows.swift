/// Rows in COPY's text format, built one field at a time for ``PostgresConnection/copyIn(_:rows:)``: fields separated
/// by tabs, rows ended by newlines, NULL as `\N`, and backslash, tab, newline and carriage return escaped.
public struct CopyTextRows: Sendable {
    /// The rows' text, ready to send.
    public private(set) var text = ""
    /// How many rows are complete.
    public private(set) var count = 0
    private var fieldsInRow = 0

    /// Creates an empty set of rows; `capacity` reserves bytes for the text.
    public init(capacity: Int = 0) {
        text.reserveCapacity(capacity)
    }

    /// Adds a field to the current row (nil is NULL).
    public mutating func append(_ field: String?) {
        if fieldsInRow > 0 { text.append("\t") }
        fieldsInRow += 1
        guard let field else { return text.append("\\N") }
        guard field.utf8.contains(where: Self.needsEscape) else { return text.append(field) }
        for scalar in field.unicodeScalars {
            switch scalar {
            case "\\": text.append("\\\\")
            case "\t": text.append("\\t")
            case "\n": text.append("\\n")
            case "\r": text.append("\\r")
            default: text.unicodeScalars.append(scalar)
            }
        }
    }

    /// Ends the current row.
    public mutating func endRow() {
        text.append("\n")
        count += 1
        fieldsInRow = 0
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }
}
