import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// GETs from a server on 127.0.0.1 (the `parity run` subprocess), with a 5-second timeout.
enum LoopbackHTTP {
    static func get(port: Int, _ path: String) async -> Reply? {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.timeoutInterval = 5
        return await withCheckedContinuation { continuation in
            URLSession.shared.dataTask(with: request) { data, response, _ in
                let reply = (response as? HTTPURLResponse).map { Reply(status: $0.statusCode, body: String(decoding: data ?? Data(), as: UTF8.self)) }
                continuation.resume(returning: reply)
            }.resume()
        }
    }
}
