import ParityModel
import ParityStore

extension AggregateGroupResult {
    /// The aggregate, day and group as one text: what a later cycle's row of the same group replaces.
    var identity: String {
        [aggregate, period, RowJSON.image(group)].joined(separator: "\u{0}")
    }
}
