import ParityModel
import ParityStore

/// Every row that exists as of a cycle's end, from row state overlaid with each key's last pending change
/// (``PendingState``): both streams in key order (byte order), merged one row at a time. A key with a change takes the
/// change's row, or is left out when the change left it absent.
final class OverlaidStateRowCursor: StateRowCursor {
    private let state: any StateRowCursor
    private let changes: any StateRowCursor
    private var nextState: StateRow?
    private var nextChange: StateRow?
    private var started = false

    init(state: any StateRowCursor, changes: any StateRowCursor) {
        self.state = state
        self.changes = changes
    }

    /// The next row; nil after the last.
    func next() throws -> StateRow? {
        if !started {
            started = true
            nextState = try state.next()
            nextChange = try changes.next()
        }
        while true {
            switch (nextState, nextChange) {
            case (nil, nil):
                return nil
            case (let row?, nil):
                nextState = try state.next()
                return row
            case (let row?, let change?) where CanonicalKeyOrder.precedes(row.key, change.key):
                nextState = try state.next()
                return row
            case (let row, let change?):
                if let row, CanonicalKeyOrder.equal(row.key, change.key) { nextState = try state.next() }
                nextChange = try changes.next()
                if change.values != nil { return change }
            }
        }
    }
}
