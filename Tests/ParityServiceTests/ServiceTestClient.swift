import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore

/// A response's status and body text.
struct Reply {
    var status: Int
    var body: String
}

extension TestClientProtocol {
    /// GET `path`, with `Authorization: Bearer token` when given.
    func get(_ path: String, token: String? = nil) async throws -> Reply {
        var headers: HTTPFields = [:]
        if let token { headers[.authorization] = "Bearer \(token)" }
        let response = try await executeRequest(uri: path, method: .get, headers: headers, body: nil)
        return Reply(status: response.status.code, body: String(buffer: response.body))
    }
}
