import ExactNumeric

extension ExactDecimal {
    /// The smaller of two values; of two equal values written with different scales (`1.5`, `1.50`), the one with more
    /// digits. Whatever order the values come in, the same text: a close split into tasks reports what one process does.
    static func least(_ first: ExactDecimal, _ second: ExactDecimal) -> ExactDecimal {
        first < second ? first : second < first ? second : widest(first, second)
    }

    /// The larger of two values; of two equal values written with different scales, the one with more digits.
    static func greatest(_ first: ExactDecimal, _ second: ExactDecimal) -> ExactDecimal {
        first > second ? first : second > first ? second : widest(first, second)
    }

    private static func widest(_ first: ExactDecimal, _ second: ExactDecimal) -> ExactDecimal {
        first.scale >= second.scale ? first : second
    }
}
