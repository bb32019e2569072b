import ParityModel

/// Canonical keys in canonical-key order (``CanonicalKey``), consumed as a merge join passes them.
@usableFromInline
struct SortedKeys {
    @usableFromInline let keys: [CanonicalKey]
    @usableFromInline var position = 0

    @inlinable
    init(_ keys: [CanonicalKey]) {
        self.keys = keys
    }

    /// The next key; nil after the last.
    @inlinable
    var current: CanonicalKey? { position < keys.count ? keys[position] : nil }

    /// Whether `canonical` is next, taking every copy of it.
    @inlinable
    mutating func take(_ canonical: CanonicalKey) -> Bool {
        var taken = false
        while let key = current, key == canonical {
            taken = true
            position += 1
        }
        return taken
    }
}
