import Foundation

/// A fresh directory in the temp dir for a test's stores and config files, removed with all it holds on release.
///
/// Keep it as a stored property of the suite or scenario that uses the files, so it lives as long as they do.
public final class ScratchDirectory: Sendable {
    /// The directory, `<temp dir>/parity-<label>-<uuid>`.
    public let path: String

    /// Creates the directory.
    public init(_ label: String) throws {
        path = NSTemporaryDirectory() + "parity-\(label)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// The path of `name` inside the directory (nothing is created).
    public func file(_ name: String) -> String {
        path + "/" + name
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}
