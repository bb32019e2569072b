import Foundation

/// Where the PostgreSQL server programs (`initdb`, `pg_ctl`, `postgres`) live on this machine.
public struct ServerBinaries: Sendable {
    /// The folder holding `initdb` and `pg_ctl`.
    public let directory: String

    /// Finds the server binaries: `$PARITY_PG_BINDIR`, then `pg_config --bindir`, then the highest
    /// `/usr/lib/postgresql/<major>/bin` (Debian keeps the server there; `pg_config` may be client-only).
    public static func locate() throws(ClusterError) -> ServerBinaries {
        var candidates: [String] = []
        if let override = ProcessInfo.processInfo.environment["PARITY_PG_BINDIR"] { candidates.append(override) }
        if let bindir = try? CommandRunner.output(["pg_config", "--bindir"]) {
            candidates.append(bindir.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        let debianRoot = "/usr/lib/postgresql"
        let majors = (try? FileManager.default.contentsOfDirectory(atPath: debianRoot)) ?? []
        candidates += majors.compactMap(Int.init).sorted(by: >).map { "\(debianRoot)/\($0)/bin" }
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate + "/initdb") {
            return ServerBinaries(directory: candidate)
        }
        throw ClusterError(
            "no PostgreSQL server binaries found (looked in \(candidates.joined(separator: ", ")))",
            fix: "install them: apt-get install postgresql, or set PARITY_PG_BINDIR"
        )
    }

    /// The full path of one server program.
    public func path(_ program: String) -> String { directory + "/" + program }
}
