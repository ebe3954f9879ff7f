import Foundation

extension PreviewServer {
    /// What `poll` said about `connection`.
    func service(_ connection: PreviewConnection, events: Int16) {
        if events & Int16(POLLNVAL | POLLERR) != 0 { return drop(connection) }
        if events & Int16(POLLIN | POLLHUP) != 0 {
            let open = connection.receive()
            switch connection.state {
            case .reading: readHead(connection)
            case .webSocket: readFrames(connection)
            default: break
            }
            if !open, connections[connection.id] != nil {
                guard connection.state == .busy || connection.state == .writing else { return drop(connection) }
                connection.peerClosed = true
            }
        }
        guard connections[connection.id] != nil else { return }
        if events & Int16(POLLOUT) != 0 {
            guard connection.flush() else { return drop(connection) }
            if !connection.hasPendingOutput { written(connection) }
        }
    }

    /// A complete head is answered; one past the limits is refused and the connection closed.
    func readHead(_ connection: PreviewConnection) {
        switch connection.reader.read(connection.inbox) {
        case .incomplete:
            return
        case .refused(let status):
            connection.inbox = []
            send(
                PreviewResponse.refusal(status).serialized(head: false, keepAlive: false), on: connection,
                keepAlive: false)
        case .head(let head, let length):
            connection.inbox.removeFirst(length)
            connection.reader.reset()
            route(head, on: connection)
        }
    }

    private func refuse(_ response: PreviewResponse, on connection: PreviewConnection, head: HTTPRequestHead) {
        send(response.serialized(head: head.method == "HEAD", keepAlive: false), on: connection, keepAlive: false)
    }

    private func route(_ head: HTTPRequestHead, on connection: PreviewConnection) {
        guard hosts.accepts(host: head.header("host")) else {
            return refuse(
                .text(403, "This preview answers only to localhost and the addresses it listens on."),
                on: connection, head: head)
        }
        if (head.header("content-length").map { $0 != "0" } ?? false) || head.header("transfer-encoding") != nil {
            return refuse(.text(413, "The preview takes no request bodies."), on: connection, head: head)
        }
        if head.path == settings.reloadPath { return upgrade(head, on: connection) }
        guard head.method == "GET" || head.method == "HEAD" else {
            var response = PreviewResponse.text(405, "Only GET and HEAD.")
            response.headers.append(("Allow", "GET, HEAD"))
            return refuse(response, on: connection, head: head)
        }
        answer(head, on: connection)
    }

    /// The reload socket's handshake, for pages of this server only.
    private func upgrade(_ head: HTTPRequestHead, on connection: PreviewConnection) {
        guard hosts.accepts(origin: head.header("origin")) else {
            return refuse(
                .text(403, "The reload socket is only for pages of this preview."), on: connection, head: head)
        }
        guard head.method == "GET", head.header("upgrade")?.lowercased() == "websocket",
            let key = head.header("sec-websocket-key")
        else {
            return refuse(.text(426, "A WebSocket handshake is expected here."), on: connection, head: head)
        }
        let response = PreviewResponse(
            status: 101,
            headers: [
                ("Upgrade", "websocket"), ("Connection", "Upgrade"),
                ("Sec-WebSocket-Accept", WebSocketFrames.acceptKey(for: key)),
            ])
        connection.upgrading = true
        send(response.serialized(head: false, keepAlive: true), on: connection, keepAlive: true)
    }

    /// The page's frames: a close is answered and ends the socket, a ping gets its pong.
    private func readFrames(_ connection: PreviewConnection) {
        while true {
            switch WebSocketFrames.read(connection.inbox) {
            case .incomplete:
                return
            case .invalid:
                return drop(connection)
            case .frame(let opcode, let payload, let length):
                connection.inbox.removeFirst(length)
                if opcode == 0x8 {
                    return send(
                        WebSocketFrames.frame(opcode: 0x8, Array(payload.prefix(2))), on: connection, keepAlive: false)
                }
                if opcode == 0x9 { send(WebSocketFrames.frame(opcode: 0xA, payload), on: connection, keepAlive: true) }
            }
        }
    }

    /// Connections past their deadline: a head that did not arrive in time
    /// gets 408; an idle kept-alive connection or a client that does not
    /// take its answer is closed.
    func expire(_ now: Double) {
        for connection in Array(connections.values) where connection.deadline < now {
            if connection.state == .reading && !connection.inbox.isEmpty {
                connection.inbox = []
                send(
                    PreviewResponse.refusal(408).serialized(head: false, keepAlive: false), on: connection,
                    keepAlive: false)
                connection.deadline = now + 1
            } else {
                drop(connection)
            }
        }
    }

    static func listen(host: String, port: Int) throws(ListenError) -> Int32 {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(truncatingIfNeeded: port).bigEndian)
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
            throw ListenError(
                message: Message(
                    vi: "--host \(host) không phải địa chỉ IPv4", en: "--host \(host) is not an IPv4 address"))
        }
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var one: Int32 = 1
        _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard fd >= 0, bound == 0, Glibc.listen(fd, 1024) == 0 else {
            let cause = Errno.text(errno)
            close(fd)
            throw ListenError(
                message: Message(
                    vi: "không nghe được ở \(host):\(port): \(cause.vi)",
                    en: "cannot listen on \(host):\(port): \(cause.en)"))
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        return fd
    }

    static func boundPort(_ fd: Int32) -> Int? {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let found = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return found == 0 ? Int(UInt16(bigEndian: address.sin_port)) : nil
    }

    /// Every connection is a file descriptor: 500 slow clients must not use up the default 1,024.
    static func raiseOpenFileLimit() {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < limit.rlim_max else { return }
        limit.rlim_cur = min(limit.rlim_max, 65_536)
        _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    }
}
