import ParityModel

/// A source's catalog inventory as a cycle close recorded it (`items` and `notes` are JSON the engine reads back).
public struct StoredInventory: Sendable, Equatable {
    /// `legacy` or `new`.
    public var side: SourceSide
    /// When it was taken (µs since 1970, local clock).
    public var takenAt: Int64
    /// The items as a JSON array.
    public var items: String
    /// Notes (what could not be seen) as a JSON array of text.
    public var notes: String

    /// Creates a stored inventory.
    public init(side: SourceSide, takenAt: Int64, items: String, notes: String) {
        self.side = side
        self.takenAt = takenAt
        self.items = items
        self.notes = notes
    }
}
