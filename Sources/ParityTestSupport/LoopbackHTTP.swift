import Dispatch
import Foundation
import Synchronization
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// GETs from a server on 127.0.0.1 (a `parity run` or `parity worker` subprocess), with a 5-second timeout.
public enum LoopbackHTTP {
    /// The status and body of `GET path` on `port`; nil when nothing answered.
    public static func get(port: Int, _ path: String) async -> (status: Int, body: String)? {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.timeoutInterval = 5
        return await withCheckedContinuation { continuation in
            URLSession.shared.dataTask(with: request) { data, response, _ in
                let reply = (response as? HTTPURLResponse).map { (status: $0.statusCode, body: String(decoding: data ?? Data(), as: UTF8.self)) }
                continuation.resume(returning: reply)
            }.resume()
        }
    }

    /// The same, waiting on the calling thread: for synchronous tests, which must not block the cooperative pool.
    public static func getBlocking(port: Int, _ path: String) -> (status: Int, body: String)? {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.timeoutInterval = 5
        let reply = ReplyBox()
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: request) { data, response, _ in
            reply.value.withLock { $0 = (response as? HTTPURLResponse).map { ($0.statusCode, String(decoding: data ?? Data(), as: UTF8.self)) } }
            done.signal()
        }.resume()
        done.wait()
        return reply.value.withLock { $0 }
    }

    private final class ReplyBox: Sendable {
        let value = Mutex<(status: Int, body: String)?>(nil)
    }
}
