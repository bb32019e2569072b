import Glibc

/// Counts the inputs run and, every `interval` of them, prints the process's resident set to stderr
/// (`rss-sample <inputs> <MB>`), so a slow leak that stays under libFuzzer's limits still shows as growth.
enum RSSSampler {
    /// Inputs between two samples.
    static let interval = 1_000_000
    /// libFuzzer runs inputs one at a time on one thread.
    nonisolated(unsafe) private static var inputs = 0

    /// Counts one input; samples when the count reaches a multiple of `interval`.
    static func inputRun() {
        inputs += 1
        guard inputs.isMultiple(of: interval) else { return }
        let line = "rss-sample \(inputs) \(residentMegabytes())\n"
        _ = line.withCString { write(2, $0, strlen($0)) }
    }

    /// The resident set in MB, from the second field of /proc/self/statm (in pages).
    private static func residentMegabytes() -> Int {
        let descriptor = open("/proc/self/statm", O_RDONLY)
        guard descriptor >= 0 else { return -1 }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 128)
        let count = read(descriptor, &buffer, buffer.count)
        guard count > 0 else { return -1 }
        let fields = buffer[..<count].split(separator: UInt8(ascii: " "))
        guard fields.count > 1, let pages = Int(String(decoding: fields[1], as: UTF8.self)) else { return -1 }
        return pages * sysconf(Int32(_SC_PAGESIZE)) / 1_048_576
    }
}
