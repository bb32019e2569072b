import Foundation

/// One `initdb` per test process, copied for every cluster (a copy is ~10x faster than initdb).
enum ClusterTemplate {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var template: String?

    /// The template folder (holding `data/`), created on first use.
    static func shared(binaries: ServerBinaries) throws(ClusterError) -> String {
        lock.lock()
        defer { lock.unlock() }
        if let template { return template }
        let directory = try makeDirectory()
        try Watchdog.guardFolder(directory, ownerPID: getpid())
        try ServerUser.run([
            binaries.path("initdb"), "-D", directory + "/data", "-U", "postgres", "--auth=trust",
            "--encoding=UTF8", "--locale=C", "--no-sync",
        ])
        template = directory
        return directory
    }

    /// A new short temp folder (the Unix socket path must stay under ~107 bytes), traversable and
    /// owned by the server user.
    static func makeDirectory() throws(ClusterError) -> String {
        var pattern = Array("/tmp/ppg.XXXXXX".utf8CString)
        guard let created = mkdtemp(&pattern) else {
            throw ClusterError("cannot create a temp folder in /tmp (errno \(errno))", fix: "check /tmp is writable")
        }
        let path = String(cString: created)
        chmod(path, 0o755)
        try ServerUser.own(path)
        return path
    }
}
