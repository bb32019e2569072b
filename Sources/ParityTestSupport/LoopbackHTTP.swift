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
        await withCheckedContinuation { continuation in
            URLSession.shared.dataTask(with: request(port: port, path)) { data, response, _ in
                continuation.resume(returning: reply(data, response))
            }.resume()
        }
    }

    /// The same, waiting on the calling thread: for synchronous tests, which must not block the cooperative pool.
    public static func getBlocking(port: Int, _ path: String) -> (status: Int, body: String)? {
        let answer = ReplyBox()
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: request(port: port, path)) { data, response, _ in
            answer.value.withLock { $0 = reply(data, response) }
            done.signal()
        }.resume()
        done.wait()
        return answer.value.withLock { $0 }
    }

    private static func request(port: Int, _ path: String) -> URLRequest {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.timeoutInterval = 5
        return request
    }

    private static func reply(_ data: Data?, _ response: URLResponse?) -> (status: Int, body: String)? {
        (response as? HTTPURLResponse).map { (status: $0.statusCode, body: String(decoding: data ?? Data(), as: UTF8.self)) }
    }

    private final class ReplyBox: Sendable {
        let value = Mutex<(status: Int, body: String)?>(nil)
    }
}
