import Hummingbird

/// Responses whose body is already rendered text.
enum TextResponse {
    /// A JSON document.
    static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        make(text, contentType: "application/json; charset=utf-8", status: status)
    }

    /// An HTML page.
    static func html(_ text: String) -> Response {
        make(text, contentType: "text/html; charset=utf-8", status: .ok)
    }

    /// Prometheus text exposition format.
    static func prometheus(_ text: String) -> Response {
        make(text, contentType: "text/plain; version=0.0.4; charset=utf-8", status: .ok)
    }

    private static func make(_ text: String, contentType: String, status: HTTPResponse.Status) -> Response {
        Response(status: status, headers: [.contentType: contentType], body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
