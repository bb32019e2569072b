/// A transformation applied to key values before rows are matched (`tables[].key.normalize[]`).
public enum KeyNormalizer: Sendable, Hashable {
    /// Remove leading and trailing whitespace.
    case trim
    /// Upper-case.
    case upper
    /// Lower-case.
    case lower
    /// Remove leading `0` characters (keeping one `0` for an all-zero value).
    case stripLeadingZeros
    /// Remove this prefix when present (`{strip_prefix: "INV-"}`).
    case stripPrefix(String)
    /// Left-pad with `0` to this width (`{zero_pad: 8}`).
    case zeroPad(Int)

    /// The spellings of the normalizers written as plain strings.
    static let simpleNames: [String: KeyNormalizer] = [
        "trim": .trim, "upper": .upper, "lower": .lower, "strip_leading_zeros": .stripLeadingZeros,
    ]

    /// The keys of the normalizers written as one-key maps.
    static let parameterizedNames = ["strip_prefix", "zero_pad"]
}
