/// A Parity store: capture, cycle state, results and gate records behind one value. SQLite (``ParityStore``) is the
/// embedded default; every implementation passes the conformance suite (Tests/StoreConformanceTests).
///
/// Nothing above this protocol knows which implementation it holds: values are the vocabulary's and the store's domain
/// types, failures are ``StoreError``s.
public protocol Store: CaptureStore, CycleStateStore, ResultStore, GateRecordStore {
    /// Where the store is, for messages: its file, or a URL without credentials.
    var location: String { get }
    /// Reads the whole store and checks its structure; throws `.corrupt` naming the first problems. Slow on a large store.
    func checkIntegrity() throws(StoreError)
}
