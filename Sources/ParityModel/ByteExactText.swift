/// A text that is equal, hashed and ordered by its UTF-8 bytes (``CanonicalKeyOrder``), as the stores and the sources'
/// databases tell texts apart.
///
/// Swift's `String` equates canonically equivalent texts (a precomposed and a decomposed `é`), so a `Set<String>` or a
/// dictionary keyed by `String` would merge two texts the store holds as two rows. Types of such texts conform to this
/// protocol and get their equality, hash and order from it.
public protocol ByteExactText: RawRepresentable, Sendable, Hashable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral
where RawValue == String, StringLiteralType == String {
    /// The value of text `rawValue`.
    init(rawValue: String)
}

extension ByteExactText {
    /// The value of text `text`.
    @inlinable
    public init(_ text: String) {
        self.init(rawValue: text)
    }

    /// The value of a literal text.
    @inlinable
    public init(stringLiteral text: String) {
        self.init(rawValue: text)
    }

    public var description: String { rawValue }

    @inlinable
    public static func == (left: Self, right: Self) -> Bool {
        CanonicalKeyOrder.equal(left.rawValue, right.rawValue)
    }

    @inlinable
    public static func < (left: Self, right: Self) -> Bool {
        CanonicalKeyOrder.precedes(left.rawValue, right.rawValue)
    }

    /// Hashes the text's UTF-8 bytes (not Swift's `String` hash, which is the same for canonically equivalent texts).
    @inlinable
    public func hash(into hasher: inout Hasher) {
        CanonicalKeyOrder.hash(rawValue, into: &hasher)
    }
}
