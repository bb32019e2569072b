import Foundation
import ParityModel

extension MonthlyReport {
    /// The rounding mode each system behaves as for one decimal column, with the evidence.
    public struct RoundingModeRow: Sendable, Equatable {
        /// The table mapping's name.
        public var table: String
        /// The legacy column.
        public var column: String
        /// The mode legacy behaves as (`half_even`), or `undetermined`.
        public var legacyMode: String
        /// The mode the new system behaves as.
        public var newMode: String
        /// Why, in one line (`412 ties: legacy half_even 412/412, new half_up 409/412`).
        public var evidence: String

        /// Creates a row.
        public init(table: String, column: String, legacyMode: String, newMode: String, evidence: String) {
            self.table = table
            self.column = column
            self.legacyMode = legacyMode
            self.newMode = newMode
            self.evidence = evidence
        }
    }

    /// A finding category of the month and its disposition.
    public struct CategoryStatus: Sendable, Equatable {
        /// The table mapping's name.
        public var table: String
        /// The legacy column; nil for missing rows.
        public var column: String?
        /// The finding kind.
        public var kind: FindingKind
        /// How many findings the month holds in the category.
        public var findings: Int
        /// `match`, `intentional_change`, `legacy_bug`, or nil when no rule disposes of it.
        public var disposition: Disposition?
        /// The disposition rule's note.
        public var note: String?

        /// Creates a category.
        public init(table: String, column: String?, kind: FindingKind, findings: Int, disposition: Disposition?, note: String?) {
            self.table = table
            self.column = column
            self.kind = kind
            self.findings = findings
            self.disposition = disposition
            self.note = note
        }
    }

    /// One business day of the month and how its cycle closed.
    public struct CycleDay: Sendable, Equatable {
        /// How a day's cycle ended up.
        public enum Status: String, Sendable, Equatable {
            /// Closed with both sources complete.
            case closed
            /// Closed by `parity close --force` before both sources were complete.
            case forced
            /// Not closed.
            case missing
        }

        /// The cycle's label (`2026-11-03`).
        public var label: String
        /// How it closed.
        public var status: Status

        /// Creates a day.
        public init(label: String, status: Status) {
            self.label = label
            self.status = status
        }
    }

    /// Who prepared and reviewed the close; an absent name renders as a blank line to sign.
    public struct SignOff: Sendable, Equatable {
        /// Who prepared the report.
        public var preparedBy: String?
        /// When it was prepared.
        public var preparedAt: Date?
        /// Who reviewed it.
        public var reviewedBy: String?

        /// Creates a sign-off block.
        public init(preparedBy: String? = nil, preparedAt: Date? = nil, reviewedBy: String? = nil) {
            self.preparedBy = preparedBy
            self.preparedAt = preparedAt
            self.reviewedBy = reviewedBy
        }
    }
}
