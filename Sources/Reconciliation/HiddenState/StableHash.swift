/// A stable 64-bit FNV-1a hash of text, for telling whether a catalog body changed between inventories.
/// Unlike `Hasher`, it is the same in every process and on every platform.
public enum StableHash {
    /// The FNV-1a 64 hash of `text`'s UTF-8 bytes as 16 lower-case hex digits.
    public static func fnv1a64(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
