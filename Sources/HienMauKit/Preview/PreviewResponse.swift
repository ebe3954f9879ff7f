/// What the preview answers to one request; the server adds the length,
/// the connection header, and leaves the body out for `HEAD`.
public struct PreviewResponse: Sendable {
    public var status: Int
    public var headers: [(String, String)]
    public var body: [UInt8]

    public init(status: Int, headers: [(String, String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A short plain-text answer (errors of the request itself).
    public static func text(_ status: Int, _ text: String) -> PreviewResponse {
        PreviewResponse(
            status: status, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Array((text + "\n").utf8))
    }

    static let reasons: [Int: String] = [
        101: "Switching Protocols", 200: "OK", 400: "Bad Request", 403: "Forbidden", 404: "Not Found",
        405: "Method Not Allowed", 408: "Request Timeout", 413: "Content Too Large", 414: "URI Too Long",
        426: "Upgrade Required", 431: "Request Header Fields Too Large", 500: "Internal Server Error",
        503: "Service Unavailable", 505: "HTTP Version Not Supported",
    ]

    /// The bytes on the wire.
    func serialized(head: Bool, keepAlive: Bool) -> [UInt8] {
        var text = "HTTP/1.1 \(status) \(Self.reasons[status] ?? "Status")\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        if status != 101 {
            text += "Content-Length: \(body.count)\r\nConnection: \(keepAlive ? "keep-alive" : "close")\r\n"
        }
        text += "\r\n"
        return Array(text.utf8) + (head ? [] : body)
    }

    /// The answer to a request refused while reading it.
    static func refusal(_ status: Int) -> PreviewResponse {
        switch status {
        case 414: return text(414, "The request line is too long (at most 8 KiB).")
        case 431: return text(431, "The request's headers are too large (at most 32 KiB, 100 headers).")
        case 408: return text(408, "The request's headers did not arrive in time.")
        default: return text(status, "Bad request.")
        }
    }
}
