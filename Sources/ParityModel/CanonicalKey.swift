/// The key a comparison pairs both sides' rows by: a mapping's key values normalized (`RowComparer.canonicalKey`) as
/// JSON array text, `["42","EU"]`.
///
/// Equal, hashed and ordered by the bytes of its text (``CanonicalKeyOrder``), as the store keeps and sorts it: two
/// texts Swift's `String` equates (a precomposed and a decomposed `é`) are two keys here, as they are two rows in the
/// store, so a set or dictionary of keys never merges them.
public struct CanonicalKey: RawRepresentable, Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The JSON array text.
    public let rawValue: String

    /// The key of JSON array text `rawValue`.
    @inlinable
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// The key of JSON array text `text`.
    @inlinable
    public init(_ text: String) {
        rawValue = text
    }

    public var description: String { rawValue }

    @inlinable
    public static func == (left: CanonicalKey, right: CanonicalKey) -> Bool {
        CanonicalKeyOrder.equal(left.rawValue, right.rawValue)
    }

    @inlinable
    public static func < (left: CanonicalKey, right: CanonicalKey) -> Bool {
        CanonicalKeyOrder.precedes(left.rawValue, right.rawValue)
    }

    /// Hashes the text's UTF-8 bytes (not Swift's `String` hash, which is the same for canonically equivalent texts).
    @inlinable
    public func hash(into hasher: inout Hasher) {
        let hashed: Void? = rawValue.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        if hashed == nil {
            for byte in rawValue.utf8 { hasher.combine(byte) }
        }
        hasher.combine(0xFF as UInt8)
    }

    /// The smaller of two keys; the one given when the other is nil, nil when both are.
    @inlinable
    public static func first(_ left: CanonicalKey?, _ right: CanonicalKey?) -> CanonicalKey? {
        guard let left, let right else { return left ?? right }
        return right < left ? right : left
    }
}

extension CanonicalKey: ExpressibleByStringLiteral {
    /// The key of a literal JSON array text, `["42"]`.
    @inlinable
    public init(stringLiteral text: String) {
        rawValue = text
    }
}
