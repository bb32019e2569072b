import GRDB
import ParityModel

// The vocabulary's values are stored as their raw text (`legacy`, `missing_in_new`, `forced`, …).

extension SourceSide: DatabaseValueConvertible {}

extension FindingKind: DatabaseValueConvertible {}

extension Disposition: DatabaseValueConvertible {}

extension CycleStatus: DatabaseValueConvertible {}

extension CanonicalKey: DatabaseValueConvertible {}

extension HiddenStateLine.Kind: DatabaseValueConvertible {}
extension HiddenStateKind: DatabaseValueConvertible {}

extension InventoryChange.Change: DatabaseValueConvertible {}

/// A stored vocabulary value this Parity does not know (a store written by a newer Parity, or edited by hand): thrown
/// while reading a row, and turned into a ``StoreError`` with code `.unknownValue` by the store's read and write.
package struct UnknownStoredValue: Error {
    /// The column that holds it.
    package var column: String
    /// The stored text; nil for a NULL where a value is required.
    package var value: String?
    /// What the column holds (`finding kind`, `source side`, …).
    package var expected: String

    /// Creates the error.
    package init(column: String, value: String?, expected: String) {
        self.column = column
        self.value = value
        self.expected = expected
    }
}

extension Row {
    /// The vocabulary value in `column`; throws ``UnknownStoredValue`` when its text is not one this Parity knows
    /// (GRDB's subscript would trap).
    func vocabulary<Value: StoredVocabulary>(_ column: String) throws -> Value {
        let text: String? = self[column]
        guard let text, let value = Value(rawValue: text) else {
            throw UnknownStoredValue(column: column, value: text, expected: Value.storedName)
        }
        return value
    }

    /// The JSON text in `column` read by `decode` (a ``RowJSON`` decoder); throws ``UnknownStoredValue`` naming `expected`
    /// when the column is NULL or its text does not decode, instead of reading it as empty.
    func decoded<Value>(_ column: String, _ expected: String, _ decode: (String) -> Value?) throws -> Value {
        let text: String? = self[column]
        guard let text, let value = decode(text) else { throw UnknownStoredValue(column: column, value: text, expected: expected) }
        return value
    }

    /// The vocabulary value in `column`, nil when it is NULL; throws ``UnknownStoredValue`` for text this Parity does not know.
    func optionalVocabulary<Value: StoredVocabulary>(_ column: String) throws -> Value? {
        guard let text: String = self[column] else { return nil }
        guard let value = Value(rawValue: text) else { throw UnknownStoredValue(column: column, value: text, expected: Value.storedName) }
        return value
    }
}

/// A vocabulary type stored as its raw text.
package protocol StoredVocabulary: RawRepresentable<String> {
    /// What a column of this type holds, for the error about a value this Parity does not know.
    static var storedName: String { get }
}

extension SourceSide: StoredVocabulary { package static var storedName: String { "source side" } }
extension FindingKind: StoredVocabulary { package static var storedName: String { "finding kind" } }
extension Disposition: StoredVocabulary { package static var storedName: String { "disposition" } }
extension CycleStatus: StoredVocabulary { package static var storedName: String { "cycle status" } }
extension HiddenStateLine.Kind: StoredVocabulary { package static var storedName: String { "hidden-state kind" } }
extension HiddenStateKind: StoredVocabulary { package static var storedName: String { "inventory item kind" } }
extension InventoryChange.Change: StoredVocabulary { package static var storedName: String { "inventory change" } }
