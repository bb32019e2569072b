import ParityModel

/// PostgreSQL's boolean spellings, case-insensitive.
enum BooleanText {
    /// The boolean `text` spells, nil when it is none of t/true/1/yes/y/on or f/false/0/no/n/off.
    static func parse(_ text: String) -> Bool? {
        switch TextTrimming.trim(text).lowercased() {
        case "t", "true", "1", "yes", "y", "on": return true
        case "f", "false", "0", "no", "n", "off": return false
        default: return nil
        }
    }
}
