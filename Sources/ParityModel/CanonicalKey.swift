/// The key a comparison pairs both sides' rows by: a mapping's key values normalized (`RowComparer.canonicalKey`) as
/// JSON array text, `["42","EU"]`.
///
/// Equal, hashed and ordered by the bytes of its text (``ByteExactText``), as the store keeps and sorts it: two
/// texts Swift's `String` equates (a precomposed and a decomposed `é`) are two keys here, as they are two rows in the
/// store, so a set or dictionary of keys never merges them.
public struct CanonicalKey: ByteExactText, Codable {
    /// The JSON array text.
    public let rawValue: String

    /// The key of JSON array text `rawValue`.
    @inlinable
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// The smaller of two keys; the one given when the other is nil, nil when both are.
    @inlinable
    public static func first(_ left: CanonicalKey?, _ right: CanonicalKey?) -> CanonicalKey? {
        guard let left, let right else { return left ?? right }
        return right < left ? right : left
    }
}
