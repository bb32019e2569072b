import Foundation

/// Durations and sizes as people read them, in status lines and command output.
public enum Humanized {
    /// `2d 4h`, `3h 5m`, `4m 10s`, `42s`: the two largest units.
    public static func duration(seconds: Int64) -> String {
        let units: [(String, Int64)] = [("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1)]
        guard let first = units.firstIndex(where: { seconds >= $0.1 }) else { return "0s" }
        var rest = seconds
        var text: [String] = []
        for (name, size) in units[first...].prefix(2) {
            text.append("\(rest / size)\(name)")
            rest %= size
        }
        return text.joined(separator: " ")
    }

    /// `512 B`, `1.5 KiB`, `3.2 GiB`.
    public static func bytes(_ bytes: Int64) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(max(0, bytes))
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return unit == 0 ? "\(Int(value)) B" : String(format: "%.1f %@", value, units[unit])
    }

    /// An exact decimal text with its whole part grouped by thousands (`-1,284,310.55`), for reading; anything that is not
    /// a plain decimal (`—`, `NaN`) is returned unchanged. JSON and CSV keep the plain text.
    public static func amount(_ text: String) -> String {
        let sign = text.hasPrefix("-") || text.hasPrefix("+") ? String(text.prefix(1)) : ""
        let unsigned = text.dropFirst(sign.count)
        let whole = unsigned.prefix { $0 != "." }
        guard !whole.isEmpty, whole.allSatisfy(\.isASCII), whole.allSatisfy(\.isNumber),
              unsigned.dropFirst(whole.count).dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }) else { return text }
        var grouped = ""
        for (index, digit) in whole.enumerated() {
            if index > 0, (whole.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return sign + grouped + unsigned.dropFirst(whole.count)
    }

    /// A snake_case name as words (`missing_in_new` → `missing in new`), for reports people read.
    public static func words(_ name: String) -> String {
        name.replacingOccurrences(of: "_", with: " ")
    }
}
