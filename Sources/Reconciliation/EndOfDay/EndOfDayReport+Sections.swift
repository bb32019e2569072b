import Foundation
import ParityModel

extension EndOfDayReport {
    /// Findings of one mapping, column, kind and disposition, with how many there are and a few of their keys.
    public struct Category: Sendable, Equatable {
        /// The table mapping's name.
        public var table: String
        /// The legacy column; nil for missing rows.
        public var column: String?
        /// The finding kind.
        public var kind: FindingKind
        /// The disposition rule's category, if any.
        public var disposition: Disposition?
        /// How many findings the category holds.
        public var count: Int
        /// The first few keys, as `col=value;col=value`.
        public var sampleKeys: [String]

        /// Creates a category.
        public init(table: String, column: String?, kind: FindingKind, disposition: Disposition?, count: Int, sampleKeys: [String]) {
            self.table = table
            self.column = column
            self.kind = kind
            self.disposition = disposition
            self.count = count
            self.sampleKeys = sampleKeys
        }
    }

    /// One source's capture health as the store last recorded it.
    public struct SourceHealth: Sendable, Equatable {
        /// `legacy` or `new`.
        public var side: SourceSide
        /// The position up to which everything is durable in the store.
        public var durableLSN: String
        /// Complete through this instant.
        public var watermark: Date
        /// The last capture error, if any.
        public var lastError: String?

        /// Creates a source's health.
        public init(side: SourceSide, durableLSN: String, watermark: Date, lastError: String?) {
            self.side = side
            self.durableLSN = durableLSN
            self.watermark = watermark
            self.lastError = lastError
        }
    }
}

extension Finding {
    /// The key as `col=value;col=value`, columns in name order, NULL for a null value.
    public var keyText: String {
        KeyText.format(key)
    }
}

extension EndOfDayReport {
    /// A disposition rule that matched no finding in the last `gate.stale_after_cycles` cycles.
    public struct StaleDisposition: Sendable, Equatable {
        /// The mapping or legacy table the rule names.
        public var table: String
        /// The column the rule names, if any.
        public var column: String?
        /// The finding kind the rule names.
        public var kind: FindingKind
        /// The category the rule gives.
        public var disposition: Disposition
        /// Who owns the rule.
        public var owner: String?
        /// The rule's note.
        public var note: String?

        /// Creates a stale rule entry.
        public init(table: String, column: String?, kind: FindingKind, disposition: Disposition, owner: String?, note: String?) {
            self.table = table
            self.column = column
            self.kind = kind
            self.disposition = disposition
            self.owner = owner
            self.note = note
        }
    }

    /// Columns of a mapping's stored rows that the mapping neither maps, keys nor ignores.
    public struct UnmappedColumns: Sendable, Equatable {
        /// The table mapping's name.
        public var table: String
        /// Unmapped legacy columns, by name.
        public var legacy: [String]
        /// Unmapped new columns, by name.
        public var new: [String]

        /// Creates the lists.
        public init(table: String, legacy: [String], new: [String]) {
            self.table = table
            self.legacy = legacy
            self.new = new
        }
    }
}
