import GRDB

/// The text form the store gives the images of rows with one column set (``ImageLayouts``), for rows read elsewhere
/// (a source table, by `parity verify --sources`): an image written in this form has the same text as a stored image
/// when both hold the same values under the same columns, and never when they do not, so rows compare as text and are
/// decoded only when the texts differ.
public struct StoredImageForm: Sendable {
    /// The columns, in name order: the order of an image's values.
    public let columns: [String]
    /// The store's layout of `columns`, or 0 (which no stored image names) when the store has none.
    let layout: Int64

    /// Creates the form of images with `columns` (sorted names) stored under layout `layout` (0: none stored).
    package init(columns: [String], layout: Int64) {
        self.columns = columns
        self.layout = layout
    }

    /// Starts an image in `writer`, an empty array writer: its values follow, in `columns` order (`string`, `null`),
    /// then `finish()` or `take()` gives its text.
    public func startImage(in writer: inout RowJSONWriter) {
        writer.number(Int(layout))
    }

    /// Decodes the image text of the row `key`, of this form or of the store's, holding `columns`; throws
    /// ``UndecodableImage`` when the text is not one.
    public static func decode(_ text: String, columns: [String], key: String) throws -> [String: String?] {
        try ImageLayouts.image(text, key: key) { _ in columns }
    }
}

extension ParityStore {
    /// The form of images with `columns` (sorted names). Only reads the store: columns it has never stored get a form
    /// no stored image has.
    public func imageForm(columns: [String]) throws(StoreError) -> StoredImageForm {
        try read { db in
            let layout = try Int64.fetchOne(db, sql: "SELECT id FROM image_layout WHERE columns = ?", arguments: [RowJSON.key(columns)])
            return StoredImageForm(columns: columns, layout: layout ?? 0)
        }
    }
}
