import ExactNumeric

extension EndOfDayReport {
    /// How much of a table mapping was in its cutover scope (`tables[].scope`) in the cycle, and in the cycles before.
    public struct ScopeLine: Sendable, Equatable {
        /// One cycle's share.
        public struct Share: Sendable, Equatable {
            /// The cycle's id.
            public var cycle: Int64
            /// The cycle's label.
            public var label: String
            /// Keys in scope over keys with a row on either side, six decimals (`0.250000`).
            public var share: String

            /// Creates a cycle's share.
            public init(cycle: Int64, label: String, inScope: Int, rows: Int) {
                self.cycle = cycle
                self.label = label
                share = ScopeLine.share(inScope, of: rows)
            }
        }

        /// The scope as configured; nil when it was just removed (every row in scope).
        public var definition: String?
        /// Keys with a row on either side at the cycle's end.
        public var rows: Int
        /// Of those, the keys in scope.
        public var inScope: Int
        /// Keys the cycle met and left uncompared because they are out of scope.
        public var outOfScope: Int
        /// Keys the scope table listed at the close; nil for filters.
        public var listedKeys: Int?
        /// Whether the scope changed, so every key in scope was compared.
        public var comparedAll: Bool
        /// The shares of the cycles that recorded one, oldest first, this cycle last.
        public var history: [Share]

        /// Creates the line.
        public init(definition: String?, rows: Int, inScope: Int, outOfScope: Int, listedKeys: Int?, comparedAll: Bool, history: [Share]) {
            self.definition = definition
            self.rows = rows
            self.inScope = inScope
            self.outOfScope = outOfScope
            self.listedKeys = listedKeys
            self.comparedAll = comparedAll
            self.history = history
        }

        /// `inScope / rows`, six decimals (1 for an empty table).
        public var share: String { Self.share(inScope, of: rows) }

        /// `25.0%`.
        public static func percent(_ share: String) -> String {
            guard let value = ExactDecimal(share) else { return share }
            return (value * ExactDecimal(coefficient: 100)).rounded(scale: 1, mode: .halfEven).description + "%"
        }

        /// `part / whole` with six decimals (`0.250000`; 1 when `whole` is 0).
        public static func share(_ part: Int, of whole: Int) -> String {
            guard whole > 0 else { return "1.000000" }
            let value = try? ExactDecimal(coefficient: part).divided(by: ExactDecimal(coefficient: whole), scale: 6, rounding: .halfEven)
            return value?.description ?? "1.000000"
        }
    }
}
