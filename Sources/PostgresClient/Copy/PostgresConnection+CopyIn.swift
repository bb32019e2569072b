import CLibPQ

extension PostgresConnection {
    /// Sends `rows` to a `COPY … FROM STDIN` (text format, ``CopyTextRows``) and returns how many rows the server stored.
    ///
    /// `query` is the whole COPY statement. A row the server refuses (a constraint, a malformed value) fails the whole
    /// COPY with the server's error, as it fails the transaction it runs in.
    @discardableResult
    public func copyIn(_ query: PostgresQuery, rows: CopyTextRows) throws(PostgresError) -> Int {
        try withHandle { handle throws(PostgresError) -> Int in
            let started = try execute(query, on: handle)
            defer { PQclear(started) }
            guard PQresultStatus(started) == PGRES_COPY_IN else {
                _ = try readResult(started, handle: handle)
                throw PostgresError(code: .unexpectedResult, message: "the statement is not a COPY FROM STDIN", target: target)
            }
            let sent = rows.bytes.withUnsafeBufferPointer { bytes -> Bool in
                var offset = 0
                while offset < bytes.count {
                    let length = min(Self.copyChunk, bytes.count - offset)
                    let status = bytes.baseAddress!.advanced(by: offset).withMemoryRebound(to: CChar.self, capacity: length) { start in
                        PQputCopyData(handle, start, Int32(length))
                    }
                    guard status == 1 else { return false }
                    offset += length
                }
                return PQputCopyEnd(handle, nil) == 1
            }
            guard sent else {
                let error = PostgresError(code: .connectionLost, message: String(cString: PQerrorMessage(handle)).oneLine, target: target)
                while let result = PQgetResult(handle) { PQclear(result) }
                throw error
            }
            let finished = PQgetResult(handle)
            defer {
                PQclear(finished)
                while let result = PQgetResult(handle) { PQclear(result) }
            }
            guard let finished, PQresultStatus(finished) == PGRES_COMMAND_OK else {
                throw serverError(from: finished, handle: handle, code: .copyFailed)
            }
            return Int(String(cString: PQcmdTuples(finished))) ?? rows.count
        }
    }

    /// Bytes handed to libpq per call: it buffers them and sends as the socket takes them.
    private static let copyChunk = 1 << 20
}
