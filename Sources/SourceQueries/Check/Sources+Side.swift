import ParityConfig
import ParityModel

extension Sources {
    /// The configuration of one side.
    public subscript(side: SourceSide) -> SourceConfiguration {
        side == .legacy ? legacy : new
    }
}
