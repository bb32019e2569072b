import Foundation

/// Runs helper programs (initdb, pg_ctl, runuser) with posix_spawn and waitpid.
///
/// Foundation's `Process.waitUntilExit` can miss a child's exit on Linux when several tests
/// spawn at once, leaving the test hanging on a zombie; waiting on the pid directly cannot.
public enum CommandRunner {
    private static let spawnLock = NSLock()

    /// Runs `arguments` (the first is looked up on PATH) and returns its output (stdout and
    /// stderr together); throws with that output on a non-zero exit.
    @discardableResult
    static func output(_ arguments: [String], environment: [String: String]? = nil) throws(ClusterError) -> String {
        let (status, text) = try run(arguments, environment: environment)
        guard status == 0 else {
            throw ClusterError(
                "\(arguments.prefix(4).joined(separator: " ")) exited with \(status): "
                    + text.trimmingCharacters(in: .whitespacesAndNewlines),
                fix: "see the message above"
            )
        }
        return text
    }

    /// Runs a program to completion and returns its exit status and output (stdout and stderr together).
    public static func run(_ arguments: [String], environment: [String: String]? = nil) throws(ClusterError) -> (status: Int32, output: String) {
        // Pipe creation and spawning are serialized so no concurrent child (a postmaster above
        // all) inherits another command's pipe before it is marked close-on-exec.
        spawnLock.lock()
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else {
            spawnLock.unlock()
            throw ClusterError("cannot create a pipe (errno \(errno))", fix: "check the process's file limits")
        }
        fds.forEach { _ = fcntl($0, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        posix_spawn_file_actions_adddup2(&actions, fds[1], 2)

        let spawned = Result { () throws(ClusterError) in try spawn(arguments, environment: environment, actions: &actions) }
        close(fds[1])
        spawnLock.unlock()
        let pid = try spawned.get()
        var output = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(fds[0], &buffer, buffer.count)
            if count > 0 { output.append(buffer, count: count) } else if count == 0 || errno != EINTR { break }
        }
        close(fds[0])
        return (wait(for: pid), String(decoding: output, as: UTF8.self))
    }

    /// Starts `arguments` in a session of its own (`setsid -f`), detached from this process.
    static func spawnDetached(_ arguments: [String]) throws(ClusterError) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor: Int32 in 0...2 {
            posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        let pid = try spawnLocked(["setsid", "-f"] + arguments, environment: nil, actions: &actions)
        _ = wait(for: pid)  // setsid -f forks the real process and exits at once
    }

    /// Spawns while holding the spawn lock, so no concurrently created pipe leaks into the child.
    static func spawnLocked(
        _ arguments: [String], environment: [String: String]?, actions: inout posix_spawn_file_actions_t
    ) throws(ClusterError) -> pid_t {
        spawnLock.lock()
        defer { spawnLock.unlock() }
        return try spawn(arguments, environment: environment, actions: &actions)
    }

    private static func spawn(
        _ arguments: [String], environment: [String: String]?, actions: inout posix_spawn_file_actions_t
    ) throws(ClusterError) -> pid_t {
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let environmentLines = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        let envp = environmentLines.map { strdup($0) } + [nil]
        defer { envp.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawnp(&pid, arguments[0], &actions, nil, argv, envp)
        guard result == 0 else {
            throw ClusterError("cannot run \(arguments[0]) (errno \(result))", fix: "check that it is installed and on PATH")
        }
        return pid
    }

    /// Waits for a child and returns its exit status (128 + signal when killed).
    static func wait(for pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return exitStatus(status)
    }

    /// Decodes a wait status: the exit code, or 128 + the signal that killed the process.
    static func exitStatus(_ status: Int32) -> Int32 {
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }
}

/// A program started in the background, for tests that signal it (kill tests, graceful stops).
public final class RunningProcess: Sendable {
    /// The process id.
    public let pid: pid_t
    /// Where its stdout and stderr go; removed when this object is released.
    public let outputPath: String

    /// Starts `arguments` with output to a temp file.
    public init(_ arguments: [String], environment: [String: String]? = nil) throws(ClusterError) {
        outputPath = NSTemporaryDirectory() + "parity-process-\(UUID().uuidString).log"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        pid = try CommandRunner.spawnLocked(arguments, environment: environment, actions: &actions)
    }

    deinit {
        unlink(outputPath)
    }

    /// Sends a signal.
    public func send(_ signal: Int32) {
        kill(pid, signal)
    }

    /// Waits for the process to exit and returns its status (128 + signal when killed).
    public func wait() -> Int32 {
        CommandRunner.wait(for: pid)
    }

    /// Waits for the process to exit; returns its status and its peak resident set size in bytes.
    public func waitWithPeakMemory() -> (status: Int32, peakResidentBytes: Int) {
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
        return (CommandRunner.exitStatus(status), usage.ru_maxrss * 1024)
    }

    /// What it printed so far.
    public var output: String {
        (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    }
}
