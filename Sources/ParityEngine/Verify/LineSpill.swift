import Foundation
import ParityConfig
import ParityModel
import SourceQueries

/// The COPY text lines of one source table, kept in a file until the store can be compared with them: `parity verify
/// --sources` reads each source inside its snapshot first, lets the snapshot go, and compares once capture has confirmed
/// past the snapshot's position, without holding a table in memory.
///
/// The file is made beside the store and unlinked at once: it goes when the spill is released, however the process ends.
final class LineSpill {
    /// Bytes buffered between two writes, and read at a time.
    static let chunk = 1 << 20

    private let side: SourceSide
    private let directory: String
    private let descriptor: Int32
    /// Written lines not yet in the file, then the read buffer.
    private var buffer: UnsafeMutableRawBufferPointer
    /// The read buffer's unread bytes: `start..<end`.
    private var start = 0
    private var end = 0
    private var atEndOfFile = false
    private var reading = false

    /// Creates an empty spill file in `directory`.
    init(side: SourceSide, directory: String) throws(EngineError) {
        self.side = side
        self.directory = directory
        var template = Array((directory + "/.parity-verify-XXXXXX").utf8CString)
        descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw Self.failure(side, "creating a file in \(directory) failed", directory) }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        buffer = .allocate(byteCount: 2 * Self.chunk, alignment: 1)
    }

    deinit {
        close(descriptor)
        buffer.deallocate()
    }

    /// Adds one line (a trailing newline is added when it has none).
    func append(_ line: UnsafeRawBufferPointer) throws(EngineError) {
        let newline = line.last == UInt8(ascii: "\n") ? 0 : 1
        if end + line.count + newline > buffer.count {
            try flush()
            if line.count + newline > buffer.count { grow(to: line.count + newline) }
        }
        if let base = line.baseAddress { (buffer.baseAddress! + end).copyMemory(from: base, byteCount: line.count) }
        end += line.count
        if newline == 1 {
            buffer[end] = UInt8(ascii: "\n")
            end += 1
        }
        if end >= Self.chunk { try flush() }
    }

    /// The next line from the start of the file, with its newline, valid until the next call; nil after the last.
    /// Reading begins with the first call; nothing can be appended after it.
    func nextLine() throws(EngineError) -> UnsafeRawBufferPointer? {
        if !reading {
            try flush()
            guard lseek(descriptor, 0, SEEK_SET) == 0 else { throw Self.failure(side, "rewinding the file failed", directory) }
            reading = true
        }
        while true {
            if start < end, let newline = memchr(buffer.baseAddress! + start, Int32(UInt8(ascii: "\n")), end - start) {
                let line = UnsafeRawBufferPointer(start: buffer.baseAddress! + start, count: newline - (buffer.baseAddress! + start) + 1)
                start += line.count
                return line
            }
            if atEndOfFile {
                guard start < end else { return nil }
                let line = UnsafeRawBufferPointer(start: buffer.baseAddress! + start, count: end - start)
                start = end
                return line
            }
            try fill()
        }
    }

    /// Moves the unread bytes to the front and reads more after them, growing the buffer for a line longer than it.
    private func fill() throws(EngineError) {
        if start > 0 {
            (buffer.baseAddress!).copyMemory(from: buffer.baseAddress! + start, byteCount: end - start)
            end -= start
            start = 0
        }
        if end == buffer.count { grow(to: 2 * buffer.count) }
        let count = read(descriptor, buffer.baseAddress! + end, buffer.count - end)
        guard count >= 0 else { throw Self.failure(side, "reading the file failed", directory) }
        if count == 0 { atEndOfFile = true }
        end += count
    }

    /// Writes the buffered lines to the file.
    private func flush() throws(EngineError) {
        var written = 0
        while written < end {
            let count = write(descriptor, buffer.baseAddress! + written, end - written)
            guard count > 0 else { throw Self.failure(side, "writing the file failed", directory) }
            written += count
        }
        end = 0
    }

    private func grow(to size: Int) {
        let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 1)
        larger.baseAddress!.copyMemory(from: buffer.baseAddress!, byteCount: end)
        buffer.deallocate()
        buffer = larger
    }

    private static func failure(_ side: SourceSide, _ what: String, _ directory: String) -> EngineError {
        EngineError(.fileSystem, source: side.rawValue, message: "verify's copy of a source table beside the store: \(what) (\(String(cString: strerror(errno))))",
                    fix: "check the free space and permissions of \(directory), the store's folder")
    }
}
