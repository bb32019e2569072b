import ParityModel
import ParityStore

extension AggregateGroupResult {
    /// The aggregate, day and group as one text, told apart byte for byte as the group's values are: what a later
    /// cycle's row of the same group replaces.
    var identity: ExactText {
        ExactText([aggregate, period, RowJSON.image(group)].joined(separator: "\u{0}"))
    }
}
