/// Whitespace trimming shared by key and value normalizers.
public enum TextTrimming {
    /// Without leading and trailing whitespace.
    public static func trim(_ value: String) -> String {
        rtrim(ltrim(value))
    }

    /// Without leading whitespace.
    public static func ltrim(_ value: String) -> String {
        String(value.drop { $0.isWhitespace })
    }

    /// Without trailing whitespace (`char(n)` padding).
    public static func rtrim(_ value: String) -> String {
        var end = value.endIndex
        while end > value.startIndex, value[value.index(before: end)].isWhitespace { end = value.index(before: end) }
        return String(value[..<end])
    }
}
