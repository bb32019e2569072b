import ParityModel

/// The store's rows of one side and mapping as of a source position, one key at a time in key order, for
/// ``SourceTableComparison``: each key's row as of the last closed cycle (kept in two levels: a base, and a delta whose
/// rows override it), overridden by the captured changes of that key committed before the position, in commit order.
///
/// A key whose row as of the last closed cycle comes from a change at or after the position is not comparable: the
/// close that folded that change replaced the key's earlier row, which the position needs.
public struct StoredRowsAtPosition {
    /// A key's row in one level of the state as of the last closed cycle.
    public struct ClosedRow: Sendable, Equatable {
        /// The key text.
        public var key: String
        /// The columns `image` holds.
        public var columns: [String]
        /// The image as text; nil when the key no longer existed.
        public var image: String?
        /// The position of the change that left the key so.
        public var lsn: Int64

        /// Creates a row.
        public init(key: String, columns: [String], image: String?, lsn: Int64) {
            self.key = key
            self.columns = columns
            self.image = image
            self.lsn = lsn
        }
    }

    /// A captured change of a key, committed before the position.
    public struct Change: Sendable, Equatable {
        /// The key text.
        public var key: String
        /// The columns `image` holds.
        public var columns: [String]
        /// The key's new image as text; nil when the change deletes the key.
        public var image: String?

        /// Creates a change.
        public init(key: String, columns: [String], image: String?) {
            self.key = key
            self.columns = columns
            self.image = image
        }
    }

    private let position: Int64
    private let nextBase: () throws -> ClosedRow?
    private let nextDelta: () throws -> ClosedRow?
    private let nextChange: () throws -> Change?
    private var base: ClosedRow?
    private var delta: ClosedRow?
    private var change: Change?
    private var started = false

    /// Reads the state as of the last closed cycle from `base` and `delta`, and changes from `changes`, each called until
    /// it returns nil: all in increasing byte order of the key text, each key once in `base` and in `delta`, and a key's
    /// changes in commit order.
    public init(
        position: Int64, base: @escaping () throws -> ClosedRow?, delta: @escaping () throws -> ClosedRow?,
        changes: @escaping () throws -> Change?
    ) {
        self.position = position
        nextBase = base
        nextDelta = delta
        nextChange = changes
    }

    /// The next key that existed at the position or is not comparable, in key order; nil after the last.
    public mutating func next() throws -> SourceTableComparison.StoredRow? {
        if !started {
            (base, delta, change) = (try nextBase(), try nextDelta(), try nextChange())
            started = true
        }
        while let key = first(first(base?.key, delta?.key), change?.key) {
            var closed: ClosedRow?
            if let base, CanonicalKeyOrder.compare(base.key, key) == 0 {
                closed = base
                self.base = try nextBase()
            }
            if let delta, CanonicalKeyOrder.compare(delta.key, key) == 0 {
                closed = delta
                self.delta = try nextDelta()
            }
            var row = SourceTableComparison.StoredRow(key: key, columns: [], image: nil)
            if let closed {
                if closed.lsn >= position {
                    row.comparable = false
                } else {
                    (row.columns, row.image) = (closed.columns, closed.image)
                }
            }
            while let change, CanonicalKeyOrder.compare(change.key, key) == 0 {
                (row.columns, row.image) = (change.columns, change.image)
                self.change = try nextChange()
            }
            if row.image != nil || !row.comparable { return row }
        }
        return nil
    }

    private func first(_ left: String?, _ right: String?) -> String? {
        guard let left, let right else { return left ?? right }
        return CanonicalKeyOrder.compare(right, left) < 0 ? right : left
    }
}
