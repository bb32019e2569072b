import CLibPQ
import Foundation

/// A libpq connection to one PostgreSQL server. Calls block the calling thread.
///
/// Safe to share between tasks: every call holds the connection's lock for its duration.
/// Run long calls (COPY, replication) on a thread of their own, not on the cooperative pool.
public final class PostgresConnection: @unchecked Sendable {
    private let lock = NSLock()
    private var handle: OpaquePointer?
    /// Where this connection goes, without password: `host=… port=… dbname=… user=…`.
    public let target: String
    /// The options it was opened with.
    public let options: ConnectionOptions

    private init(handle: OpaquePointer, target: String, options: ConnectionOptions) {
        self.handle = handle
        self.target = target
        self.options = options
    }

    deinit {
        if let handle { PQfinish(handle) }
    }

    /// Opens a connection and applies the session settings; the password never reaches an error.
    public static func connect(_ options: ConnectionOptions) throws(PostgresError) -> PostgresConnection {
        let parsed = try ConnectionString.parse(options.dsn)
        var parameters: [(String, String)] = [
            ("dbname", options.dsn),
            ("application_name", options.applicationName),
            ("connect_timeout", String(max(2, options.connectTimeout.components.seconds))),
            ("options", options.startupOptions(userOptions: parsed["options"])),
        ]
        if options.replication == .database { parameters.append(("replication", "database")) }
        if let passwordFile = options.passwordFile {
            parameters.append(("password", try readPassword(from: passwordFile)))
        }
        guard let handle = connectWithParameters(parameters) else {
            throw PostgresError(code: .connectionFailed, message: "libpq could not allocate a connection")
        }
        let target = describe(handle)
        guard PQstatus(handle) == CONNECTION_OK else {
            let message = String(cString: PQerrorMessage(handle)).oneLine
            PQfinish(handle)
            throw PostgresError(code: .connectionFailed, message: ConnectionString.withoutQuotedFragments(message), target: target)
        }
        PQsetNoticeProcessor(handle, { _, _ in }, nil)
        return PostgresConnection(handle: handle, target: target, options: options)
    }

    /// Closes the connection; later calls fail with `connectionLost`.
    public func close() {
        lock.withLock {
            if let handle { PQfinish(handle) }
            handle = nil
        }
    }

    /// The server's version as an integer, e.g. 150018 for 15.18.
    public var serverVersion: Int {
        lock.withLock { handle.map { Int(PQserverVersion($0)) } ?? 0 }
    }

    /// Runs one statement and returns its rows.
    ///
    /// Bound parameters use the extended protocol; a replication connection accepts only
    /// the simple protocol, so there a query with binds is refused.
    @discardableResult
    public func query(_ query: PostgresQuery) throws(PostgresError) -> PostgresResult {
        try withHandle { handle throws(PostgresError) in
            let result = try execute(query, on: handle)
            defer { PQclear(result) }
            return try readResult(result, handle: handle)
        }
    }

    /// Runs `body` with the open handle while holding the lock.
    func withHandle<T>(_ body: (OpaquePointer) throws(PostgresError) -> T) throws(PostgresError) -> T {
        lock.lock()
        defer { lock.unlock() }
        guard let handle else {
            throw PostgresError(code: .connectionLost, message: "the connection is closed", target: target)
        }
        return try body(handle)
    }

    /// Sends a statement and returns libpq's result (never nil); the caller clears it.
    func execute(_ query: PostgresQuery, on handle: OpaquePointer) throws(PostgresError) -> OpaquePointer {
        let result: OpaquePointer?
        if options.replication == .database {
            guard query.binds.isEmpty else {
                throw PostgresError(
                    code: .unexpectedResult,
                    message: "a replication connection accepts only statements without bound parameters",
                    target: target
                )
            }
            result = PQexec(handle, query.sql)
        } else {
            result = withCStrings(query.binds) { values in
                PQexecParams(handle, query.sql, Int32(values.count), nil, values, nil, nil, 0)
            }
        }
        guard let result else {
            throw PostgresError(code: .connectionLost, message: String(cString: PQerrorMessage(handle)).oneLine, target: target)
        }
        return result
    }

    /// Turns a finished result into rows, or its error into a `PostgresError`.
    func readResult(_ result: OpaquePointer, handle: OpaquePointer) throws(PostgresError) -> PostgresResult {
        switch PQresultStatus(result) {
        case PGRES_TUPLES_OK, PGRES_COMMAND_OK, PGRES_SINGLE_TUPLE:
            let columnCount = PQnfields(result)
            let columns = (0..<columnCount).map { String(cString: PQfname(result, $0)) }
            let values = (0..<PQntuples(result)).map { row in
                (0..<columnCount).map { column -> String? in
                    PQgetisnull(result, row, column) == 1 ? nil : String(cString: PQgetvalue(result, row, column))
                }
            }
            return PostgresResult(columns: columns, values: values, affectedRows: Int(String(cString: PQcmdTuples(result))))
        default:
            throw serverError(from: result, handle: handle)
        }
    }

    /// The error a failed result carries, with SQLSTATE, detail and hint.
    func serverError(from result: OpaquePointer?, handle: OpaquePointer, code: PostgresError.Code = .serverError) -> PostgresError {
        func field(_ name: Int32) -> String? {
            guard let result, let value = PQresultErrorField(result, name) else { return nil }
            return String(cString: value)
        }
        let primary = field(DiagnosticField.primaryMessage) ?? String(cString: PQerrorMessage(handle)).oneLine
        let lost = PQstatus(handle) != CONNECTION_OK
        return PostgresError(
            code: lost ? .connectionLost : code,
            message: primary.isEmpty ? "the server closed the connection" : primary,
            sqlState: field(DiagnosticField.sqlState),
            detail: field(DiagnosticField.detail),
            hint: field(DiagnosticField.hint),
            target: target
        )
    }

    private static func readPassword(from path: String) throws(PostgresError) -> String {
        guard let contents = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw PostgresError(
                code: .unreadablePasswordFile,
                message: "cannot read the password file \(path); check that it exists and is readable by this user"
            )
        }
        return String(contents.prefix { !$0.isNewline })
    }

    private static func connectWithParameters(_ parameters: [(String, String)]) -> OpaquePointer? {
        withCStrings(parameters.map(\.0)) { keywords in
            withCStrings(parameters.map(\.1)) { values in
                var keywords = keywords + [nil]
                var values = values + [nil]
                return PQconnectdbParams(&keywords, &values, 1)
            }
        }
    }

    private static func describe(_ handle: OpaquePointer) -> String {
        let parts: [(String, UnsafeMutablePointer<CChar>?)] = [
            ("host", PQhost(handle)), ("port", PQport(handle)), ("dbname", PQdb(handle)), ("user", PQuser(handle)),
        ]
        return parts.compactMap { name, value in value.map { "\(name)=\(String(cString: $0))" } }.joined(separator: " ")
    }
}

/// libpq's `PG_DIAG_*` field codes (character-literal macros that Swift does not import).
enum DiagnosticField {
    static let sqlState = Int32(UInt8(ascii: "C"))
    static let primaryMessage = Int32(UInt8(ascii: "M"))
    static let detail = Int32(UInt8(ascii: "D"))
    static let hint = Int32(UInt8(ascii: "H"))
}

/// Calls `body` with C strings for `strings` (nil entries stay nil), valid only during the call.
func withCStrings<T>(_ strings: [String?], _ body: ([UnsafePointer<CChar>?]) -> T) -> T {
    let pointers = strings.map { $0.map { strdup($0)! } }
    defer { pointers.forEach { free($0) } }
    return body(pointers.map { $0.map { UnsafePointer($0) } })
}

extension PostgresConnection {
    /// Runs a script of one or more statements through the simple protocol, without parameters.
    /// Only for SQL written by the program (fixtures, schema setup), never for outside values.
    public func execute(unsafeScript script: String) throws(PostgresError) {
        try withHandle { handle throws(PostgresError) in
            guard let result = PQexec(handle, script) else {
                throw PostgresError(code: .connectionLost, message: String(cString: PQerrorMessage(handle)).oneLine, target: target)
            }
            defer { PQclear(result) }
            _ = try readResult(result, handle: handle)
            while let extra = PQgetResult(handle) { PQclear(extra) }
        }
    }
}
