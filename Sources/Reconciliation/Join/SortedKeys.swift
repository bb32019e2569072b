import ParityModel

/// Canonical keys in canonical-key order (``CanonicalKeyOrder``), consumed as a merge join passes them.
@usableFromInline
struct SortedKeys {
    @usableFromInline let keys: [String]
    @usableFromInline var position = 0

    @inlinable
    init(_ keys: [String]) {
        self.keys = keys
    }

    /// The next key; nil after the last.
    @inlinable
    var current: String? { position < keys.count ? keys[position] : nil }

    /// Whether `canonical` is next, taking every copy of it.
    @inlinable
    mutating func take(_ canonical: String) -> Bool {
        var taken = false
        while let key = current, CanonicalKeyOrder.equal(key, canonical) {
            taken = true
            position += 1
        }
        return taken
    }
}
