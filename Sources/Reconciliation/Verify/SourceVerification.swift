import Foundation
import ParityModel

/// `parity verify --sources`: each source read in a snapshot whose WAL position is exact, compared row by row, as raw
/// images (no mapping), with what the store holds for that side as of that position.
public struct SourceVerification: Sendable, Equatable {
    /// How a row of the store fails to equal the source's.
    public enum Problem: String, Sendable {
        /// The source has the row; the store does not.
        case missingInStore = "missing_in_store"
        /// The store has a row the source does not.
        case extraInStore = "extra_in_store"
        /// Both have the row with other values (the columns are named).
        case differentValue = "different_value"
    }

    /// One row where the store does not equal the source: a `capture_drift`.
    public struct Drift: Sendable, Equatable {
        /// `legacy` or `new`.
        public var side: SourceSide
        /// The table mapping whose table it is.
        public var mapping: String
        /// The source table, `schema.table`.
        public var table: String
        /// Key column → text, in that side's names.
        public var key: [String: String?]
        /// How the store differs.
        public var problem: Problem
        /// The columns whose text differs (`different_value` only), in name order.
        public var columns: [String]

        /// Creates a drift.
        public init(side: SourceSide, mapping: String, table: String, key: [String: String?], problem: Problem, columns: [String] = []) {
            self.side = side
            self.mapping = mapping
            self.table = table
            self.key = key
            self.problem = problem
            self.columns = columns
        }

        /// The key as `col=value;col=value`, columns in name order.
        public var keyText: String {
            KeyText.format(key)
        }
    }

    /// One table of one source as checked.
    public struct Table: Sendable, Equatable {
        /// `legacy` or `new`.
        public var side: SourceSide
        /// The table mapping.
        public var mapping: String
        /// The source table, `schema.table`.
        public var table: String
        /// The WAL position of the snapshot (`0/1A2B3C8`).
        public var position: String
        /// Rows the source had in the snapshot.
        public var sourceRows: Int
        /// Rows the store held for that side as of the position.
        public var storedRows: Int
        /// Keys the store no longer holds as of the position (a close folded a later change of theirs): not compared.
        public var notComparable: Int

        /// Creates a table's counts.
        public init(side: SourceSide, mapping: String, table: String, position: String, sourceRows: Int, storedRows: Int, notComparable: Int) {
            self.side = side
            self.mapping = mapping
            self.table = table
            self.position = position
            self.sourceRows = sourceRows
            self.storedRows = storedRows
            self.notComparable = notComparable
        }
    }

    /// When the check ran.
    public var checkedAt: Date
    /// Every table checked.
    public var tables: [Table]
    /// Every row where the store does not equal its source.
    public var drifts: [Drift]

    /// Creates a result.
    public init(checkedAt: Date, tables: [Table], drifts: [Drift]) {
        self.checkedAt = checkedAt
        self.tables = tables
        self.drifts = drifts
    }

    /// 0 when the store equals every source checked, 1 otherwise.
    public var exitCode: Int32 { drifts.isEmpty ? 0 : 1 }
}
