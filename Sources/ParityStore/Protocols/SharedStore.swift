import ParityModel

/// A store several processes share (`parity worker`): each cycle's close split into tasks (``PartitionedCycleStore``),
/// and each source captured by whichever process holds that source's capture lock.
/// ``CaptureStore/lockCapture(holder:now:)`` takes both sources' locks.
public protocol SharedStore: Store, PartitionedCycleStore {
    /// Takes the capture lock of `side`'s source, naming `holder`; nil while another process holds it (alone, or with
    /// the other source's as the whole store's capture lock).
    func lockCapture(side: SourceSide, holder: String) throws(StoreError) -> (any CaptureLease)?
    /// Takes the lock scheduled verifications run under, naming `holder`, so the processes sharing the store verify one
    /// at a time; nil while another process holds it.
    func lockVerification(holder: String) throws(StoreError) -> (any VerificationLease)?
}

/// The lock of a store's scheduled verifications, held until released (the lease's last reference goes, or the process
/// ends).
public protocol VerificationLease: AnyObject, Sendable {}
