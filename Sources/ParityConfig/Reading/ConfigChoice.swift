import ParityModel

/// An enum written in the config as one of a fixed set of words.
protocol ConfigChoice: RawRepresentable<String>, CaseIterable {
    /// What the value is, for messages ("column type").
    static var noun: String { get }
}

extension ColumnType: ConfigChoice {
    static var noun: String { "column type" }
}

extension ColumnNormalizer: ConfigChoice {
    static var noun: String { "column normalizer" }
}

extension AggregateScope: ConfigChoice {
    static var noun: String { "scope" }
}

extension HiddenStateKind: ConfigChoice {
    static var noun: String { "hidden-state kind" }
}

extension HiddenStateDisposition: ConfigChoice {
    static var noun: String { "hidden-state disposition" }
}

extension FindingKind: ConfigChoice {
    static var noun: String { "finding kind" }
}

extension Disposition: ConfigChoice {
    static var noun: String { "disposition" }
}

extension VerifySchedule: ConfigChoice {
    static var noun: String { "verify schedule" }
}

extension SourceSide: ConfigChoice {
    static var noun: String { "source" }
}
