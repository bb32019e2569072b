import Foundation

/// Runs server programs as the user PostgreSQL accepts: `postgres` (via runuser) when we are root.
enum ServerUser {
    /// True when this process runs as root, so the server must run as `postgres`.
    static let isRoot = geteuid() == 0

    /// Runs a command as the server user.
    static func run(_ arguments: [String]) throws(ClusterError) {
        let prefix = isRoot ? ["runuser", "-u", "postgres", "--"] : []
        try CommandRunner.output(prefix + arguments, environment: ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "LC_ALL": "C"])
    }

    /// Gives a folder to the server user (a no-op unless root).
    static func own(_ path: String) throws(ClusterError) {
        guard isRoot else { return }
        guard let user = getpwnam("postgres") else {
            throw ClusterError("running as root but there is no postgres user", fix: "install PostgreSQL (apt-get install postgresql)")
        }
        guard chown(path, user.pointee.pw_uid, user.pointee.pw_gid) == 0 else {
            throw ClusterError("cannot chown \(path) to postgres (errno \(errno))", fix: "run the tests on a local file system")
        }
    }
}
