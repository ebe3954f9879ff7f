/// The head of an HTTP/1.x request (request line and headers), read from
/// the bytes received so far with hard limits: a request line longer than
/// `Limits.requestLine` is answered 414, a head longer than `Limits.head`
/// or with more than `Limits.headerCount` headers 431. The bytes are looked
/// at once each, wherever the reads cut them, so a client sending a huge
/// header a byte at a time costs linear time and bounded memory.
public struct HTTPRequestHead: Sendable, Equatable {
    public var method: String
    /// As sent: still percent-encoded, with its query.
    public var target: String
    public var version: String
    /// Names in lower case, in the order sent.
    public var headers: [Header]

    public struct Header: Sendable, Equatable {
        public var name: String
        public var value: String
    }

    public struct Limits: Sendable {
        public var requestLine = 8 * 1024
        public var head = 32 * 1024
        public var headerCount = 100
        public init() {}
    }

    public func header(_ name: String) -> String? {
        headers.first { $0.name == name }?.value
    }

    /// The path part of the target.
    public var path: String {
        String(target.prefix { $0 != "?" && $0 != "#" })
    }

    /// HTTP/1.1 keeps the connection unless told to close; 1.0 closes unless told to keep it.
    public var keepsAlive: Bool {
        let connection = header("connection")?.lowercased() ?? ""
        return version == "HTTP/1.1" ? !connection.contains("close") : connection.contains("keep-alive")
    }

    public enum Outcome: Equatable {
        /// The head is not complete yet; call again with more bytes.
        case incomplete
        /// The head, and how many bytes of the buffer it took.
        case head(HTTPRequestHead, length: Int)
        /// To be answered with `status` and the connection closed.
        case refused(status: Int)
    }

    /// Reads heads off a connection's bytes, remembering how far it looked,
    /// so that every byte is looked at once however the reads cut them.
    public struct Reader: Sendable {
        var scanned = 0
        var lineEnd: Int?
        public var limits = Limits()

        public init(limits: Limits = Limits()) {
            self.limits = limits
        }

        /// Reads a head from the start of `bytes`, which holds what was
        /// given before and more. After a head, `reset` before the next.
        public mutating func read(_ bytes: [UInt8]) -> Outcome {
            var end: Int?
            var i = max(0, scanned - 3)
            while i < bytes.count {
                if bytes[i] == 0x0A {
                    if lineEnd == nil { lineEnd = i }
                    if i >= 1, bytes[i - 1] == 0x0A || (i >= 2 && bytes[i - 1] == 0x0D && bytes[i - 2] == 0x0A) {
                        end = i + 1
                        break
                    }
                }
                i += 1
            }
            scanned = i
            if let lineEnd, lineEnd > limits.requestLine + 1 { return .refused(status: 414) }
            if lineEnd == nil && bytes.count > limits.requestLine + 1 { return .refused(status: 414) }
            guard let end else { return bytes.count > limits.head ? .refused(status: 431) : .incomplete }
            if end > limits.head { return .refused(status: 431) }
            guard let head = HTTPRequestHead.parse(bytes[0..<end]) else { return .refused(status: 400) }
            return head.headers.count > limits.headerCount ? .refused(status: 431) : .head(head, length: end)
        }

        public mutating func reset() {
            scanned = 0
            lineEnd = nil
        }
    }

    /// The request line and headers of a complete head; nil when malformed.
    static func parse(_ bytes: ArraySlice<UInt8>) -> HTTPRequestHead? {
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
            line.last == 0x0D ? line.dropLast() : line
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        guard let first = lines.first else { return nil }
        let parts = first.split(separator: 0x20, omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty,
            let version = String(validating: parts[2], as: UTF8.self), version.hasPrefix("HTTP/1."),
            let method = String(validating: parts[0], as: UTF8.self),
            let target = String(validating: parts[1], as: UTF8.self)
        else { return nil }
        var headers: [Header] = []
        for line in lines.dropFirst() {
            // No folded lines (a leading space), no header without a colon.
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex,
                line.first != 0x20, line.first != 0x09
            else { return nil }
            let name = String(decoding: line[..<colon], as: UTF8.self).lowercased()
            let value = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingSpaces
            headers.append(Header(name: name, value: value))
        }
        return HTTPRequestHead(method: method, target: target, version: version, headers: headers)
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " || s.first == "\t" { s = s.dropFirst() }
        while s.last == " " || s.last == "\t" { s = s.dropLast() }
        return String(s)
    }
}
