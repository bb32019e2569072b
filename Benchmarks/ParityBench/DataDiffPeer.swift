import Foundation

/// `data-diff` (PyPI) in a virtualenv the benchmark makes, diffing the `orders` table pair.
struct DataDiffPeer {
    /// The pinned package set: dbt-core below 1.8 because later ones pull a parser wheel from outside
    /// PyPI, pydantic 1 because that dbt-core needs it, and psycopg2-binary so no compiler or libpq
    /// headers are needed.
    static let packages = ["data-diff==0.11.2", "dbt-core>=1.0,<1.8", "pydantic<2", "psycopg2-binary"]

    let executable: String

    /// Makes the virtualenv at `directory` and installs `packages` unless `data-diff` is already there.
    static func install(into directory: String) throws -> DataDiffPeer {
        let executable = directory + "/bin/data-diff"
        if !FileManager.default.isExecutableFile(atPath: executable) {
            _ = try TimedRun.run(["/usr/bin/env", "python3", "-m", "venv", directory])
            _ = try TimedRun.run([directory + "/bin/pip", "install", "-q"] + packages)
        }
        return DataDiffPeer(executable: executable)
    }

    /// Diffs legacy's `orders` against modern's by `id` over the three value columns, optionally
    /// restricted by `whereClause`; returns the run and the differing keys it printed.
    func diff(port: Int, whereClause: String? = nil) throws -> (run: TimedRun, keys: Set<String>) {
        // data-diff requires a password in the URI; the cluster trusts loopback and ignores it.
        let uri = { (database: String) in "postgresql://postgres:unused@127.0.0.1:\(port)/\(database)" }
        var arguments = [executable, uri("legacy"), "orders", uri("modern"), "orders", "-k", "id",
                         "-c", "status", "-c", "amount", "-c", "updated_at"]
        if let whereClause { arguments += ["-w", whereClause] }
        let run = try TimedRun.run(arguments)
        return (run, Self.keys(in: run.output))
    }

    /// The first value of every `- ...` / `+ ...` line (`+ 61001, 2026-11-21 ..., open, 9.99`): the differing keys.
    static func keys(in output: String) -> Set<String> {
        var keys = Set<String>()
        for line in output.split(separator: "\n") where line.hasPrefix("- ") || line.hasPrefix("+ ") {
            let first = line.dropFirst(2).prefix { $0 != "," }
            keys.insert(first.trimmingCharacters(in: CharacterSet(charactersIn: "(') ")))
        }
        return keys
    }
}
