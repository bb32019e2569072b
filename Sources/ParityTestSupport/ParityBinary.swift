import Foundation
import ThrowawayPostgres

/// Runs the built `parity` binary as a user would (`make test` builds it before the tests).
public enum ParityBinary {
    /// `$PARITY_BINARY`, else the CLI built beside the test binary (whatever the scratch path), else `.build/debug/parity`.
    public static var path: String {
        if let override = ProcessInfo.processInfo.environment["PARITY_BINARY"] { return override }
        if let beside = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("parity").path,
           FileManager.default.isExecutableFile(atPath: beside) {
            return beside
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/parity").path
    }

    /// Runs `parity arguments` to completion with `environment` added to a bare `PATH`; its exit status and output.
    public static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw ClusterError("no parity binary at \(path)", fix: "run swift build (make test does) or set PARITY_BINARY")
        }
        let base = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        return try CommandRunner.run([path] + arguments, environment: base.merging(environment) { _, new in new })
    }
}
