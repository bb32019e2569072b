import Foundation
import ParityTestSupport

/// Prometheus's `promtool` (Debian's `prometheus` package; `scripts/install-deps.sh` installs it), for linting what the
/// service exposes and the shipped alert rules.
enum Promtool {
    static let path = "/usr/bin/promtool"

    /// Runs `promtool check <arguments>`, with `input` on standard input when given; returns its complaints, "" when none.
    /// Without promtool on this machine, a clear error.
    static func check(_ arguments: [String], input: String? = nil) throws -> String {
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw ClusterError("promtool is not installed", fix: "run scripts/install-deps.sh (apt-get install prometheus)")
        }
        var command = [path, "check"] + arguments
        if let input {
            let file = NSTemporaryDirectory() + "parity-promtool-\(UUID().uuidString).txt"
            try input.write(toFile: file, atomically: true, encoding: .utf8)
            command = ["/bin/sh", "-c", "\(command.joined(separator: " ")) < \(file); status=$?; rm -f \(file); exit $status"]
        }
        let run = try CommandRunner.run(command)
        return run.status == 0 ? "" : "exit \(run.status): \(run.output)"
    }
}
