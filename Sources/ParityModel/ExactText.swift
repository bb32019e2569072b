/// A text told apart from others byte for byte (``ByteExactText``), where sets and dictionaries hold texts the stores and
/// the sources' databases keep apart: a row's key text, a value a scope table lists. (A canonical key has a type of its
/// own, ``CanonicalKey``.)
public struct ExactText: ByteExactText {
    /// The text.
    public let rawValue: String

    /// The text `rawValue`.
    @inlinable
    public init(rawValue: String) {
        self.rawValue = rawValue
    }
}
