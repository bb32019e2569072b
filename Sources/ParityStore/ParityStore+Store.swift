import Foundation

extension ParityStore: Store {
    /// The store file.
    public var location: String { path }

    /// Checks every page of the file (``quickCheck()``).
    public func checkIntegrity() throws(StoreError) {
        try quickCheck()
    }

    /// Takes the store's capture lock (``CaptureLock``).
    public func lockCapture(holder: String, now: Date) throws(StoreError) -> any CaptureLease {
        try CaptureLock.acquire(for: self, holder: holder, now: now)
    }
}

extension CaptureLock: CaptureLease {}
