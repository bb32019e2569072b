import Foundation
import ParityModel

/// One table of `parity verify --sources`: the source's rows and the store's rows of that side as of the snapshot's
/// position, both read in byte order of their key text, merged one row at a time so that memory stays flat however
/// large the table.
///
/// Images arrive as text in a form where equal texts are equal images (the store's positional form, with the columns
/// the text holds); only rows whose texts differ are decoded and compared column by column.
public struct SourceTableComparison: Sendable, Equatable {
    /// A row the source had in the snapshot.
    public struct SourceRow: Sendable, Equatable {
        /// The key text (JSON array of the key's values).
        public var key: String
        /// The columns `image` holds, in the order of its values.
        public var columns: [String]
        /// The image as text.
        public var image: String

        /// Creates a row.
        public init(key: String, columns: [String], image: String) {
            self.key = key
            self.columns = columns
            self.image = image
        }
    }

    /// A key the store held for the side as of the position.
    public struct StoredRow: Sendable, Equatable {
        /// The key text (JSON array of the key's values).
        public var key: String
        /// The columns `image` holds, in the order of its values.
        public var columns: [String]
        /// The image as text; nil when the row did not exist at the position.
        public var image: String?
        /// False when the store no longer holds the key's state at the position (a close folded a later change of it):
        /// the key is not compared.
        public var comparable: Bool

        /// Creates a row.
        public init(key: String, columns: [String], image: String?, comparable: Bool = true) {
            self.key = key
            self.columns = columns
            self.image = image
            self.comparable = comparable
        }
    }

    /// Rows the source had.
    public var sourceRows = 0
    /// Rows the store held as of the position.
    public var storedRows = 0
    /// Keys not compared.
    public var notComparable = 0
    /// The rows where the store does not equal the source, in key order.
    public var drifts: [SourceVerification.Drift] = []

    /// Creates counts and drifts.
    public init(sourceRows: Int = 0, storedRows: Int = 0, notComparable: Int = 0, drifts: [SourceVerification.Drift] = []) {
        self.sourceRows = sourceRows
        self.storedRows = storedRows
        self.notComparable = notComparable
        self.drifts = drifts
    }

    /// Merges `source` and `stored`, each called until it returns nil and each giving its keys once, in increasing byte
    /// order of the key text. Equal image texts must mean equal images (the same columns in the same form). `decodeKey` turns a key text into its values for the report (in `keyColumns` order);
    /// `decodeImage` turns the image text of the row `key` holding `columns` into the image by column, for rows whose texts
    /// differ (throwing when the text is not an image).
    public static func compare(
        side: SourceSide, mapping: String, table: String, keyColumns: [String],
        source: () throws -> SourceRow?, stored: () throws -> StoredRow?,
        decodeKey: (String) -> [String?], decodeImage: (_ key: String, _ columns: [String], _ text: String) throws -> [String: String?]
    ) rethrows -> SourceTableComparison {
        var result = SourceTableComparison()
        func drift(_ key: String, _ problem: SourceVerification.Problem, _ columns: [String] = []) {
            let values = decodeKey(key)
            result.drifts.append(SourceVerification.Drift(
                side: side, mapping: mapping, table: table,
                key: Dictionary(zip(keyColumns, values + Array(repeating: nil, count: max(0, keyColumns.count - values.count))),
                                uniquingKeysWith: { first, _ in first }),
                problem: problem, columns: columns))
        }
        var row = try source()
        var kept = try stored()
        while row != nil || kept != nil {
            let order = switch (row, kept) {
            case (let row?, let kept?): CanonicalKeyOrder.compare(row.key, kept.key)
            case (.some, nil): -1
            default: 1
            }
            if order <= 0, let row {
                result.sourceRows += 1
                if order < 0 { drift(row.key, .missingInStore) }
            }
            if order >= 0, let kept {
                if kept.image != nil { result.storedRows += 1 }
                if !kept.comparable { result.notComparable += 1 }
                if kept.comparable, let image = kept.image {
                    if order > 0 {
                        drift(kept.key, .extraInStore)
                    } else if let row, image != row.image {
                        let source = try decodeImage(kept.key, row.columns, row.image)
                        let store = try decodeImage(kept.key, kept.columns, image)
                        if source != store {
                            drift(kept.key, .differentValue, Set(source.keys).union(store.keys).filter { source[$0] != store[$0] }.sorted())
                        }
                    }
                } else if kept.comparable, order == 0 {
                    drift(kept.key, .missingInStore)
                }
            }
            if order <= 0 { row = try source() }
            if order >= 0 { kept = try stored() }
        }
        return result
    }
}
