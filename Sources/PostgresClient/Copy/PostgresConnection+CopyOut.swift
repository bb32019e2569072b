import CLibPQ

extension PostgresConnection {
    /// Streams `COPY (…) TO STDOUT` (text format) row by row without holding the table in memory.
    ///
    /// `query` is the whole COPY statement. Each row reaches `row` as its column values (nil for
    /// NULL). If `row` throws, the COPY is cancelled on the server and the error is rethrown.
    /// Returns the number of rows streamed.
    @discardableResult
    public func copyOut(_ query: PostgresQuery, row: ([String?]) throws -> Void) throws -> Int {
        var parser = CopyTextRowParser()
        return try copyOutLines(query) { line in try row(parser.parse(line)) }
    }

    /// Streams `COPY (…) TO STDOUT` (text format) as the server sends it: each row reaches `line` as its line of COPY
    /// text (``CopyTextRowParser`` reads it), valid only during the call. If `line` throws, the COPY is cancelled on the
    /// server and the error is rethrown. Returns the number of rows streamed.
    @discardableResult
    public func copyOutLines(_ query: PostgresQuery, line: (UnsafeRawBufferPointer) throws -> Void) throws -> Int {
        try withHandle { handle throws(PostgresError) -> Result<Int, any Error> in
            let started = try execute(query, on: handle)
            defer { PQclear(started) }
            guard PQresultStatus(started) == PGRES_COPY_OUT else {
                _ = try readResult(started, handle: handle)
                throw PostgresError(code: .unexpectedResult, message: "the statement is not a COPY TO STDOUT", target: target)
            }
            var count = 0
            var buffer: UnsafeMutablePointer<CChar>?
            while true {
                let length = PQgetCopyData(handle, &buffer, 0)
                if length == -1 { break }
                guard length > 0, let data = buffer else {
                    let error = serverError(from: PQgetResult(handle), handle: handle, code: .copyFailed)
                    drainResults(handle)
                    throw error
                }
                defer { PQfreemem(data) }
                do {
                    try line(UnsafeRawBufferPointer(start: data, count: Int(length)))
                } catch {
                    cancelAndDrain(handle)
                    return .failure(error)
                }
                count += 1
            }
            let finished = PQgetResult(handle)
            defer { PQclear(finished); drainResults(handle) }
            guard let finished, PQresultStatus(finished) == PGRES_COMMAND_OK else {
                throw serverError(from: finished, handle: handle, code: .copyFailed)
            }
            return .success(count)
        }.get()
    }

    /// Asks the server to stop the running command, then reads and drops what is left.
    private func cancelAndDrain(_ handle: OpaquePointer) {
        if let cancel = PQgetCancel(handle) {
            var errorBuffer = [CChar](repeating: 0, count: 256)
            _ = PQcancel(cancel, &errorBuffer, Int32(errorBuffer.count))
            PQfreeCancel(cancel)
        }
        var buffer: UnsafeMutablePointer<CChar>?
        while PQgetCopyData(handle, &buffer, 0) > 0 {
            PQfreemem(buffer)
        }
        drainResults(handle)
    }

    private func drainResults(_ handle: OpaquePointer) {
        while let result = PQgetResult(handle) { PQclear(result) }
    }
}
