import Foundation

/// One client of the preview server, driven by its loop: the bytes read and
/// not yet used, the bytes still to send, and what it is doing.
final class PreviewConnection {
    enum State {
        /// Waiting for a request head (deadline: the head timeout).
        case reading
        /// A request is being answered on another thread.
        case busy
        /// An answer is being sent (deadline: the write timeout).
        case writing
        /// The reload socket: frames to the page whenever the site is rebuilt.
        case webSocket
    }

    let fd: Int32
    let id: Int
    var state = State.reading
    var inbox: [UInt8] = []
    var reader: HTTPRequestHead.Reader
    var out: [UInt8] = []
    var sent = 0
    var closeAfterWrite = false
    /// The answer being sent is the 101 of the reload socket.
    var upgrading = false
    /// The client closed its side after its request: it still gets the answer, then the connection ends.
    var peerClosed = false
    var deadline: Double

    init(fd: Int32, id: Int, limits: HTTPRequestHead.Limits, deadline: Double) {
        self.fd = fd
        self.id = id
        self.reader = HTTPRequestHead.Reader(limits: limits)
        self.deadline = deadline
    }

    var events: Int16 {
        var events: Int16 = 0
        if state == .reading || state == .webSocket { events |= Int16(POLLIN) }
        if sent < out.count { events |= Int16(POLLOUT) }
        return events
    }

    /// Reads what is there; false when the peer closed or the socket failed.
    func receive() -> Bool {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n > 0 {
                inbox += buffer[0..<n]
                // Enough to decide: a head past the limits is refused whatever follows.
                if inbox.count > reader.limits.head + 64 * 1024 { return true }
                continue
            }
            if n == 0 { return false }
            return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR
        }
    }

    /// Sends what it can; false when the socket failed.
    func flush() -> Bool {
        while sent < out.count {
            let n = out.withUnsafeBytes { send(fd, $0.baseAddress! + sent, out.count - sent, Int32(MSG_NOSIGNAL)) }
            if n > 0 {
                sent += n
                continue
            }
            return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
        }
        out = []
        sent = 0
        return true
    }

    var hasPendingOutput: Bool { sent < out.count }
}
