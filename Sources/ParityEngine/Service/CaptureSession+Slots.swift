import ParityConfig
import ParityModel

extension CaptureSession {
    /// Each source's replication slot, for the service's log metadata.
    public var slots: [SourceSide: String] {
        Dictionary(uniqueKeysWithValues: streams.map { ($0.side, $0.stream.configuration.slot) })
    }
}
