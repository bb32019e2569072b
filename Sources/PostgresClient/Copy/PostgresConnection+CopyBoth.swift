import CLibPQ
import Foundation

/// What one read from a COPY BOTH stream produced.
public enum CopyBothRead: Hashable, Sendable {
    /// One CopyData message's payload.
    case data([UInt8])
    /// Nothing arrived within the timeout.
    case timedOut
    /// The server ended the copy and its command completed.
    case finished
}

extension PostgresConnection {
    /// Runs a command that answers with CopyBothResponse (`START_REPLICATION`); any other answer is an error.
    public func startCopyBoth(_ command: PostgresQuery) throws(PostgresError) {
        try withHandle { handle throws(PostgresError) in
            let result = try execute(command, on: handle)
            defer { PQclear(result) }
            guard PQresultStatus(result) == PGRES_COPY_BOTH else {
                _ = try readResult(result, handle: handle)
                throw PostgresError(code: .unexpectedResult, message: "the command did not start a COPY BOTH stream", target: target)
            }
        }
    }

    /// Reads the next CopyData message, waiting for the socket up to `timeout` (never spinning).
    public func readCopyData(timeout: Duration) throws(PostgresError) -> CopyBothRead {
        try withHandle { handle throws(PostgresError) in
            try nextCopyMessage(handle, until: .now + timeout)
        }
    }

    /// Sends one CopyData message and flushes it to the server.
    public func sendCopyData(_ payload: [UInt8]) throws(PostgresError) {
        try withHandle { handle throws(PostgresError) in
            let queued = payload.withUnsafeBytes { bytes in
                PQputCopyData(handle, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count))
            }
            guard queued == 1, PQflush(handle) == 0 else {
                throw serverError(from: nil, handle: handle, code: .copyFailed)
            }
        }
    }

    /// Sends CopyDone and reads (dropping data) until the server ends the copy, for at most `timeout`.
    public func endCopy(timeout: Duration) throws(PostgresError) {
        try withHandle { handle throws(PostgresError) in
            guard PQputCopyEnd(handle, nil) == 1, PQflush(handle) == 0 else {
                throw serverError(from: nil, handle: handle, code: .copyFailed)
            }
            let deadline = ContinuousClock.now + timeout
            while true {
                switch try nextCopyMessage(handle, until: deadline) {
                case .data: continue
                case .finished: return
                case .timedOut:
                    throw PostgresError(code: .copyFailed, message: "the server did not end the copy in time", target: target)
                }
            }
        }
    }

    /// `PQgetCopyData` in async mode; on 0 waits for the socket, consumes input and retries.
    private func nextCopyMessage(_ handle: OpaquePointer, until deadline: ContinuousClock.Instant) throws(PostgresError) -> CopyBothRead {
        while true {
            var buffer: UnsafeMutablePointer<CChar>?
            let length = PQgetCopyData(handle, &buffer, 1)
            if length > 0, let buffer {
                defer { PQfreemem(buffer) }
                return .data([UInt8](UnsafeRawBufferPointer(start: buffer, count: Int(length))))
            }
            switch length {
            case 0:
                guard try waitUntilReadable(handle, until: deadline) else { return .timedOut }
                guard PQconsumeInput(handle) == 1 else { throw serverError(from: nil, handle: handle, code: .copyFailed) }
            case -1:
                return try finishCopy(handle)
            default:
                throw serverError(from: nil, handle: handle, code: .copyFailed)
            }
        }
    }

    /// Reads the command's final result after the copy ended; an error result is thrown.
    private func finishCopy(_ handle: OpaquePointer) throws(PostgresError) -> CopyBothRead {
        let deadline = ContinuousClock.now + .seconds(5)
        guard try waitForResult(handle, until: deadline) else {
            throw PostgresError(code: .copyFailed, message: "no final result after the copy ended", target: target)
        }
        let result = PQgetResult(handle)
        defer { PQclear(result) }
        if let result, PQresultStatus(result) != PGRES_COMMAND_OK {
            throw serverError(from: result, handle: handle, code: .copyFailed)
        }
        while (try? waitForResult(handle, until: deadline)) == true, let extra = PQgetResult(handle) { PQclear(extra) }
        return .finished
    }

    /// Consumes input until `PQgetResult` would not block; false when the deadline passes first.
    private func waitForResult(_ handle: OpaquePointer, until deadline: ContinuousClock.Instant) throws(PostgresError) -> Bool {
        while PQisBusy(handle) == 1 {
            guard try waitUntilReadable(handle, until: deadline) else { return false }
            guard PQconsumeInput(handle) == 1 else { throw serverError(from: nil, handle: handle, code: .copyFailed) }
        }
        return true
    }

    /// Polls the connection's socket for input until `deadline`; true once readable (or closed).
    private func waitUntilReadable(_ handle: OpaquePointer, until deadline: ContinuousClock.Instant) throws(PostgresError) -> Bool {
        let socket = PQsocket(handle)
        guard socket >= 0 else {
            throw PostgresError(code: .connectionLost, message: "the connection has no socket", target: target)
        }
        while true {
            let remaining = deadline - .now
            let milliseconds = remaining > .zero ? Int32(clamping: remaining.wholeMilliseconds + 1) : 0
            var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, milliseconds)
            if ready > 0 { return true }
            if ready == 0 { return false }
            guard errno == EINTR else {
                throw PostgresError(code: .connectionLost, message: "poll on the connection failed (errno \(errno))", target: target)
            }
        }
    }
}
