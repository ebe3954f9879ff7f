import Foundation

/// The preview's HTTP server: one thread that owns every socket and waits
/// on them with `poll`, never on one client. Request heads are read with the
/// limits of `HTTPRequestHead` and a deadline; answers are made on other
/// threads (`handler`, which never waits for a rebuild) and sent as the
/// client takes them; the reload socket is served here too. So a client that
/// sends a 256 KB header, or 500 that send a byte a second, cost memory
/// bounded by the limits and no one else's time.
public final class PreviewServer: @unchecked Sendable {
    public typealias Handler = @Sendable (HTTPRequestHead) -> PreviewResponse

    public struct Settings: Sendable {
        /// Seconds for a request head to arrive, and for an idle kept-alive connection.
        public var headTimeout = 10.0
        /// Seconds for a client to take an answer.
        public var writeTimeout = 30.0
        public var maxConnections = 4_000
        public var limits = HTTPRequestHead.Limits()
        public var reloadPath = PreviewPage.reloadPath
        public init() {}
    }

    public struct ListenError: Error {
        public var message: Message
    }

    let listener: Int32
    /// The port listened on: the one asked for, or the one the system chose for port 0.
    public let port: Int
    let wakeRead: Int32, wakeWrite: Int32
    let hosts: PreviewHosts
    let handler: Handler
    let settings: Settings
    private let lock = NSLock()
    private var finished: [(id: Int, bytes: [UInt8], keepAlive: Bool)] = []
    private var broadcasts: [[UInt8]] = []
    /// Owned by the loop's thread.
    var connections: [Int: PreviewConnection] = [:]
    private var nextID = 0

    public init(host: String, port: Int, settings: Settings = Settings(), handler: @escaping Handler)
        throws(ListenError)
    {
        self.settings = settings
        self.handler = handler
        Self.raiseOpenFileLimit()
        signal(SIGPIPE, SIG_IGN)
        listener = try Self.listen(host: host, port: port)
        self.port = Self.boundPort(listener) ?? port
        hosts = PreviewHosts(listening: host, port: self.port)
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { throw ListenError(message: Errno.text(errno)) }
        (wakeRead, wakeWrite) = (pipeEnds[0], pipeEnds[1])
        for fd in pipeEnds { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
    }

    /// Serves for ever on the calling thread.
    public func run() -> Never {
        while true { step() }
    }

    /// Sends `text` to every open page's reload socket.
    public func broadcast(_ text: String) {
        lock.withLock { broadcasts.append(WebSocketFrames.frame(opcode: 1, Array(text.utf8))) }
        wake()
    }

    private func wake() {
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
    }

    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    /// One wait on every socket, and what followed from it.
    func step() {
        var fds = [
            pollfd(fd: listener, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0),
        ]
        var ids: [Int] = []
        var nearest = Double.infinity
        for (id, connection) in connections {
            fds.append(pollfd(fd: connection.fd, events: connection.events, revents: 0))
            ids.append(id)
            nearest = min(nearest, connection.deadline)
        }
        let wait = nearest == .infinity ? 1000 : Int32(max(0, min(1000, (nearest - Self.now()) * 1000)) + 1)
        guard poll(&fds, nfds_t(fds.count), wait) >= 0 else { return }
        if fds[0].revents & Int16(POLLIN) != 0 { acceptAll() }
        if fds[1].revents & Int16(POLLIN) != 0 { deliver() }
        for (index, id) in ids.enumerated() where fds[index + 2].revents != 0 {
            if let connection = connections[id] { service(connection, events: fds[index + 2].revents) }
        }
        expire(Self.now())
    }

    private func acceptAll() {
        while true {
            let fd = accept(listener, nil, nil)
            guard fd >= 0 else { return }
            guard connections.count < settings.maxConnections else {
                close(fd)
                continue
            }
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            var one: Int32 = 1
            _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            nextID += 1
            connections[nextID] = PreviewConnection(
                fd: fd, id: nextID, limits: settings.limits,
                deadline: Self.now() + settings.headTimeout)
        }
    }

    /// Answers made on other threads, and broadcasts, onto their connections.
    private func deliver() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while read(wakeRead, &buffer, buffer.count) > 0 {}
        let (answers, frames) = lock.withLock {
            defer { (finished, broadcasts) = ([], []) }
            return (finished, broadcasts)
        }
        for answer in answers {
            guard let connection = connections[answer.id] else { continue }
            send(answer.bytes, on: connection, keepAlive: answer.keepAlive && !connection.peerClosed)
        }
        guard !frames.isEmpty else { return }
        for connection in connections.values where connection.state == .webSocket {
            for frame in frames { connection.out += frame }
            if !connection.flush() { drop(connection) }
        }
    }

    /// Queues `bytes` on `connection` and sends what the socket takes now.
    func send(_ bytes: [UInt8], on connection: PreviewConnection, keepAlive: Bool) {
        connection.out += bytes
        connection.closeAfterWrite = !keepAlive
        if connection.state != .webSocket {
            connection.state = .writing
            connection.deadline = Self.now() + settings.writeTimeout
        }
        guard connection.flush() else { return drop(connection) }
        if !connection.hasPendingOutput { written(connection) }
    }

    /// Everything queued was sent.
    func written(_ connection: PreviewConnection) {
        if connection.closeAfterWrite { return drop(connection) }
        if connection.upgrading {
            (connection.upgrading, connection.state, connection.deadline) = (false, .webSocket, .infinity)
            return
        }
        guard connection.state == .writing else { return }
        connection.state = .reading
        connection.deadline = Self.now() + settings.headTimeout
        // A pipelined request may be there already.
        if !connection.inbox.isEmpty { readHead(connection) }
    }

    func drop(_ connection: PreviewConnection) {
        close(connection.fd)
        connections[connection.id] = nil
    }

    /// Runs `handler` for `head` on another thread; the answer comes back through `deliver`.
    func answer(_ head: HTTPRequestHead, on connection: PreviewConnection) {
        connection.state = .busy
        connection.deadline = .infinity
        let (id, handler) = (connection.id, handler)
        DispatchQueue.global().async { [self] in
            let response = handler(head)
            let bytes = response.serialized(head: head.method == "HEAD", keepAlive: head.keepsAlive)
            lock.withLock { finished.append((id, bytes, head.keepsAlive)) }
            wake()
        }
    }
}
