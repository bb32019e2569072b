/// Whitespace trimming shared by key and value normalizers.
enum TextTrimming {
    /// Without leading and trailing whitespace.
    static func trim(_ value: String) -> String {
        rtrim(ltrim(value))
    }

    /// Without leading whitespace.
    static func ltrim(_ value: String) -> String {
        String(value.drop { $0.isWhitespace })
    }

    /// Without trailing whitespace (`char(n)` padding).
    static func rtrim(_ value: String) -> String {
        var end = value.endIndex
        while end > value.startIndex, value[value.index(before: end)].isWhitespace { end = value.index(before: end) }
        return String(value[..<end])
    }
}
