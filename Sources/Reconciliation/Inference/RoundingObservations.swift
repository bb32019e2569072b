import ExactNumeric
import ParityConfig
import ParityModel

/// Rounding evidence gathered while a cycle compares rows: per mapping, decimal column with a source
/// expression, and side, how the stored values relate to their unrounded source.
public struct RoundingObservations: Sendable {
    /// Identifies one column on one side.
    public struct Subject: Sendable, Hashable, Comparable {
        /// The table mapping's name.
        public var mapping: String
        /// The legacy column name.
        public var column: String
        /// Which database.
        public var side: SourceSide

        /// Creates the subject.
        public init(mapping: String, column: String, side: SourceSide) {
            self.mapping = mapping
            self.column = column
            self.side = side
        }

        /// Orders by mapping, column, then legacy before new.
        public static func < (lhs: Subject, rhs: Subject) -> Bool {
            (lhs.mapping, lhs.column, lhs.side == .legacy ? 0 : 1) < (rhs.mapping, rhs.column, rhs.side == .legacy ? 0 : 1)
        }
    }

    /// Evidence per subject.
    public private(set) var evidence: [Subject: RoundingEvidence] = [:]

    /// Creates an empty collection.
    public init() {}

    /// Observes both images of one key (either may be nil) for every column of `comparer` with a source expression.
    public mutating func observe(_ comparer: RowComparer, legacy: RowImage?, new: RowImage?) {
        for column in comparer.roundedColumns {
            if let legacy { observe(comparer, column, side: .legacy, image: legacy, stored: legacy[column.legacy] ?? nil) }
            if let new { observe(comparer, column, side: .new, image: new, stored: new[column.new] ?? nil) }
        }
    }

    /// Adds evidence gathered elsewhere (another cycle).
    public mutating func merge(_ subject: Subject, _ other: RoundingEvidence) {
        evidence[subject, default: RoundingEvidence()].merge(other)
    }

    private mutating func observe(_ comparer: RowComparer, _ column: ColumnMapping, side: SourceSide, image: RowImage, stored: String?) {
        guard let stored = stored.flatMap({ ExactDecimal($0) }), stored.isFinite,
              let unrounded = comparer.unrounded(column, side: side, image: image), unrounded.isFinite else { return }
        let subject = Subject(mapping: comparer.mapping.name, column: column.legacy, side: side)
        evidence[subject, default: RoundingEvidence()].observe(stored: stored, unrounded: unrounded, scale: column.scale ?? stored.scale)
    }
}
