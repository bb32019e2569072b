import Foundation

/// The order of canonical keys (``CanonicalKey``) and of the store's key text: the bytes of the key text's UTF-8,
/// compared as unsigned bytes, a shorter text before every longer one it begins.
///
/// Every store promises rows sorted by canonical key in this order (SQLite's `BINARY` collation sorts text so, and a
/// PostgreSQL store sorts `COLLATE "C"` text of a UTF-8 database so); the merge join of a close and verify's merges
/// rely on it. It is not Swift's `String` order, which compares canonically equivalent texts (a precomposed and a
/// decomposed `é`) as equal where the store holds two keys.
///
/// Called several times for every key a close or verify merges, so the bytes are compared in place (`memcmp`) through
/// the strings' own storage: no copy of either string (`withUTF8` on a copy costs a retain and a release of each, a
/// measured 13% of verify), no allocation, no walk of `String.UTF8View`'s indices.
public enum CanonicalKeyOrder {
    /// Negative, zero or positive as `left` sorts before, with (the same bytes) or after `right`.
    @inlinable
    public static func compare(_ left: String, _ right: String) -> Int {
        let inPlace = left.utf8.withContiguousStorageIfAvailable { l in
            right.utf8.withContiguousStorageIfAvailable { r in bytes(l, r) }
        }
        if let inPlace = inPlace ?? nil { return inPlace }
        // A string without contiguous UTF-8 (bridged): made contiguous in a copy.
        var left = left
        var right = right
        return left.withUTF8 { l in right.withUTF8 { r in bytes(l, r) } }
    }

    /// `memcmp` over the common length, then the shorter first.
    @inlinable
    static func bytes(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Int {
        let common = min(left.count, right.count)
        let order = common == 0 ? 0 : Int(memcmp(left.baseAddress!, right.baseAddress!, common))
        return order != 0 ? order : left.count - right.count
    }

    /// Whether `left` sorts before `right`.
    @inlinable
    public static func precedes(_ left: String, _ right: String) -> Bool {
        compare(left, right) < 0
    }

    /// Whether the two texts are the same bytes (not Swift's `==`, which equates canonically equivalent texts).
    @inlinable
    public static func equal(_ left: String, _ right: String) -> Bool {
        left.utf8.count == right.utf8.count && compare(left, right) == 0
    }

    /// Hashes the text's UTF-8 bytes, as ``equal(_:_:)`` compares them (not Swift's `String` hash, which is the same for
    /// canonically equivalent texts).
    @inlinable
    public static func hash(_ text: String, into hasher: inout Hasher) {
        let hashed: Void? = text.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        if hashed == nil {
            for byte in text.utf8 { hasher.combine(byte) }
        }
        hasher.combine(0xFF as UInt8)
    }
}
