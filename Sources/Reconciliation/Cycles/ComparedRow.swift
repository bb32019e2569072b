import Foundation
import ParityModel

/// A side's row of a key as the comparison of a close reads it.
public protocol ComparedRow: CanonicallyKeyed {
    /// The image as text, nil for a key the cycle's changes deleted. Texts are compared before any decoding: two equal
    /// texts must be equal images (the same columns, with the same values, written the same way).
    var imageText: String? { get }
    /// The image by column; nil for a deleted key. Throws when the stored text is not an image.
    var image: RowImage? { get throws }
    /// The latest commit time of a change to the key in the cycle; nil when the cycle did not change it.
    var lastCommit: Date? { get }
    /// What the cycle's changes did to the key (trigger attribution reads it); nil when unchanged or not known.
    var changes: Set<TriggerEvent>? { get }
}
