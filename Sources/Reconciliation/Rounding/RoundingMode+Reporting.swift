import ExactNumeric

extension RoundingMode {
    /// Every mode, most common in practice first: the order reports use to name one mode of several.
    static let byCommonness: [RoundingMode] = [
        .halfUp, .halfEven, .down, .halfCeiling, .halfDown, .up, .ceiling, .floor, .halfFloor, .halfOdd,
    ]

    /// The six round-to-nearest modes, which differ only on exact ties.
    static let halfModes: [RoundingMode] = [.halfUp, .halfEven, .halfCeiling, .halfDown, .halfFloor, .halfOdd]

    /// The most common mode in `modes` (see `byCommonness`); nil when `modes` is empty.
    static func mostCommon(in modes: some Sequence<RoundingMode>) -> RoundingMode? {
        let candidates = Set(modes)
        return byCommonness.first(where: candidates.contains)
    }
}
