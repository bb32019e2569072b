import ParityModel

/// A store several processes share (`parity worker`): each cycle's close split into tasks (``PartitionedCycleStore``),
/// and each source captured by whichever process holds that source's capture lock.
/// ``CaptureStore/lockCapture(holder:now:)`` takes both sources' locks.
public protocol SharedStore: Store, PartitionedCycleStore {
    /// Takes the capture lock of `side`'s source, naming `holder`; nil while another process holds it (alone, or with
    /// the other source's as the whole store's capture lock).
    func lockCapture(side: SourceSide, holder: String) throws(StoreError) -> (any CaptureLease)?
}
