/// A key compared again in a later cycle.
public struct CarriedKey: Sendable, Hashable, Codable {
    /// The table mapping's name.
    public var mapping: String
    /// The canonical key.
    public var canonicalKey: CanonicalKey

    /// Creates a carried key.
    public init(mapping: String, canonicalKey: CanonicalKey) {
        self.mapping = mapping
        self.canonicalKey = canonicalKey
    }
}
