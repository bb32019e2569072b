extension EndOfDayReport {
    /// A configured table mapping a cycle did not compare.
    public struct NotCompared: Sendable, Equatable {
        /// Why a mapping was not compared.
        public enum Reason: String, Sendable, Equatable {
            /// Not copied on both sources: added to the config after `init` and not yet `init --add`ed.
            case notInitialized = "not_initialized"
            /// Added after the cycle ended: a later cycle is its baseline.
            case addedLater = "added_later"
        }

        /// The mapping's name.
        public var table: String
        public var reason: Reason
        /// What to do, or which cycle compares it first.
        public var detail: String

        /// Creates the line.
        public init(table: String, reason: Reason, detail: String) {
            self.table = table
            self.reason = reason
            self.detail = detail
        }
    }
}
