import Foundation

/// Durations and sizes as people read them, in status lines and command output.
public enum Humanized {
    /// `42s`, `17m 3s`, `5h 2m`, `3d 4h`.
    public static func duration(seconds: Int) -> String {
        let seconds = max(0, seconds)
        switch seconds {
        case ..<60: return "\(seconds)s"
        case ..<3600: return "\(seconds / 60)m" + (seconds % 60 == 0 ? "" : " \(seconds % 60)s")
        case ..<86_400: return "\(seconds / 3600)h" + (seconds % 3600 / 60 == 0 ? "" : " \(seconds % 3600 / 60)m")
        default: return "\(seconds / 86_400)d" + (seconds % 86_400 / 3600 == 0 ? "" : " \(seconds % 86_400 / 3600)h")
        }
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
}
