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
    /// GET `path`, with `Authorization: <scheme> token` when a token is given.
    func get(_ path: String, token: String? = nil, scheme: String = "Bearer") async throws -> Reply {
        var headers: HTTPFields = [:]
        if let token { headers[.authorization] = "\(scheme) \(token)" }
        let response = try await executeRequest(uri: path, method: .get, headers: headers, body: nil)
        return Reply(status: response.status.code, body: String(buffer: response.body))
    }
}
