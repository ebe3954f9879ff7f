import Foundation
import Testing

@testable import HienMauKit

/// `hienmau serve` against clients that try to freeze it or to read it from
/// another site: huge and slow headers, foreign `Host` and `Origin`, a slow
/// rebuild; and pages replaced whole while they are read.
@Suite(.serialized) struct ServeLimitsTests {
    typealias Server = ServeTests.Server

    /// A raw request with a receive timeout: status and body, or nil when nothing came in time.
    static func exchange(_ port: Int, _ request: [UInt8], timeout: Double = 5) -> (
        status: Int, head: String, body: String
    )? {
        guard let socket = try? TCP(port: port) else { return nil }
        defer { close(socket.fd) }
        var limit = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - Double(Int(timeout))) * 1_000_000))
        setsockopt(socket.fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(socket.fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var offset = 0
        while offset < request.count {
            let n = request.withUnsafeBytes {
                send(socket.fd, $0.baseAddress! + offset, request.count - offset, Int32(MSG_NOSIGNAL))
            }
            if n <= 0 { break }
            offset += n
        }
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = recv(socket.fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            data += buffer[0..<n]
        }
        guard !data.isEmpty else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        let parts = text.components(separatedBy: "\r\n\r\n")
        return (
            Int(text.split(separator: " ").dropFirst().first ?? "") ?? 0, parts[0],
            parts.dropFirst().joined(separator: "\r\n\r\n")
        )
    }

    static func get(_ port: Int, _ path: String = "/", host: String = "127.0.0.1", extra: String = "") -> (
        status: Int, head: String, body: String
    )? {
        exchange(port, Array("GET \(path) HTTP/1.1\r\nHost: \(host)\r\n\(extra)Connection: close\r\n\r\n".utf8))
    }

    @Test func twoHugeHeadersDoNotFreezeOtherClients() throws {
        let server = try Server()
        defer { server.stop() }
        let huge =
            Array("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ".utf8)
            + Array(repeating: UInt8(ascii: "a"), count: 256 * 1024)
            + Array("\r\n\r\n".utf8)
        let answers = LockedList()
        let group = DispatchGroup()
        let port = server.port
        for _ in 0..<2 {
            DispatchQueue.global().async(group: group) {
                answers.add(Self.exchange(port, huge, timeout: 20)?.status ?? 0)
            }
        }
        Thread.sleep(forTimeInterval: 0.2)
        let started = ContinuousClock.now
        let other = Self.get(server.port, "/thong-ke/")
        #expect(other?.status == 200)
        #expect(ContinuousClock.now - started < .seconds(2))
        group.wait()
        #expect(answers.values == [431, 431])
    }

    @Test func aLongRequestLineIs414AndALargeHeadIs431() throws {
        let server = try Server()
        defer { server.stop() }
        #expect(Self.get(server.port, "/" + String(repeating: "a", count: 9000))?.status == 414)
        let many = (0..<101).map { "X-\($0): 1\r\n" }.joined()
        #expect(Self.get(server.port, "/", extra: many)?.status == 431)
        #expect(Self.get(server.port, "/", extra: "X-Big: \(String(repeating: "b", count: 40_000))\r\n")?.status == 431)
        #expect(Self.get(server.port, "/")?.status == 200)
    }

    @Test func aHeadThatNeverEndsIsCutOffAfterTenSeconds() throws {
        let server = try Server()
        defer { server.stop() }
        let started = ContinuousClock.now
        let answer = Self.exchange(server.port, Array("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n".utf8), timeout: 20)
        let waited = ContinuousClock.now - started
        #expect(answer?.status == 408)
        #expect(waited > .seconds(8) && waited < .seconds(15), "\(waited)")
    }

    @Test func headIsAnsweredWithTheLengthAndNoBody() throws {
        let server = try Server()
        defer { server.stop() }
        let get = try #require(Self.get(server.port, "/thong-ke/"))
        let head = try #require(
            Self.exchange(
                server.port, Array("HEAD /thong-ke/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8)))
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        #expect(head.head.contains("Content-Length: \(get.body.utf8.count)"))
    }

    @Test func anotherHostIsRefusedLocalhostIsServed() throws {
        let server = try Server()
        defer { server.stop() }
        #expect(Self.get(server.port, "/", host: "attacker.example")?.status == 403)
        #expect(Self.get(server.port, "/", host: "attacker.example:\(server.port)")?.status == 403)
        #expect(Self.exchange(server.port, Array("GET / HTTP/1.1\r\nConnection: close\r\n\r\n".utf8))?.status == 403)
        #expect(Self.get(server.port, "/", host: "localhost:\(server.port)")?.status == 200)
        #expect(Self.get(server.port, "/", host: "127.0.0.1:\(server.port)")?.status == 200)
    }

    @Test func theReloadSocketTakesOnlyPagesOfThePreview() throws {
        let server = try Server()
        defer { server.stop() }
        func handshake(_ origin: String) -> Int? {
            let request =
                "GET \(PreviewPage.reloadPath) HTTP/1.1\r\nHost: 127.0.0.1:\(server.port)\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                + "Origin: \(origin)\r\n\r\n"
            return Self.exchange(server.port, Array(request.utf8), timeout: 1)?.status
        }
        #expect(handshake("http://attacker.example") == 403)
        #expect(handshake("http://127.0.0.1:\(server.port)") == 101)
        #expect(handshake("http://localhost:\(server.port)") == 101)
        #expect(WebSocketFrames.acceptKey(for: "dGhlIHNhbXBsZSBub25jZQ==") == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
    }

    @Test func anOpenPageIsToldToReloadAfterAnEdit() throws {
        let server = try Server()
        defer { server.stop() }
        let socket = try TCP(port: server.port)
        defer { close(socket.fd) }
        var limit = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(socket.fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        let request =
            "GET \(PreviewPage.reloadPath) HTTP/1.1\r\nHost: 127.0.0.1:\(server.port)\r\nUpgrade: websocket\r\n"
            + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
            + "Origin: http://127.0.0.1:\(server.port)\r\n\r\n"
        _ = request.utf8CString.withUnsafeBufferPointer { send(socket.fd, $0.baseAddress, $0.count - 1, 0) }
        func receive() -> [UInt8] {
            var buffer = [UInt8](repeating: 0, count: 4096)
            let n = recv(socket.fd, &buffer, buffer.count, 0)
            return n > 0 ? Array(buffer[0..<n]) : []
        }
        let handshake = String(decoding: receive(), as: UTF8.self)
        #expect(handshake.hasPrefix("HTTP/1.1 101 "))
        #expect(handshake.contains("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"))
        let file = server.folder.url.appendingPathComponent("content/pages/gioi-thieu.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        try Data(text.replacing("Giới thiệu", with: "Về chúng tôi").utf8).write(to: file, options: .atomic)
        #expect(receive() == [0x81, 6] + Array("reload".utf8))
    }

    @Test func pagesAreAnsweredWhileASlowRebuildRuns() throws {
        let server = try Server()
        defer { server.stop() }
        // Enough rows that reading them takes seconds in a debug build.
        let csv = server.folder.url.appendingPathComponent("content/data/donations.csv")
        var text = try String(contentsOf: csv, encoding: .utf8)
        let rows = text.split(separator: "\n").dropFirst().prefix(200)
        let block = rows.map { $0 + "\n" }.joined()
        for _ in 0..<1_000 { text += block }
        try Data(text.utf8).write(to: csv, options: .atomic)
        var slowest = Duration.zero
        let until = ContinuousClock.now + .seconds(3)
        while ContinuousClock.now < until {
            let started = ContinuousClock.now
            #expect(Self.get(server.port, "/thong-ke/")?.status == 200)
            slowest = max(slowest, ContinuousClock.now - started)
        }
        #expect(slowest < .milliseconds(500), "\(slowest)")
    }

    @Test func aRebuiltPageIsReplacedNotRewrittenInPlace() throws {
        let server = try Server()
        defer { server.stop() }
        let page = server.folder.url.appendingPathComponent("public/gioi-thieu/index.html")
        var before = stat()
        stat(page.path, &before)
        let file = server.folder.url.appendingPathComponent("content/pages/gioi-thieu.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        try Data(text.replacing("Giới thiệu", with: "Về chúng tôi").utf8).write(to: file, options: .atomic)
        var changed = false
        for _ in 0..<100 where !changed {
            Thread.sleep(forTimeInterval: 0.05)
            changed = (try? String(contentsOf: page, encoding: .utf8))?.contains("Về chúng tôi") == true
        }
        #expect(changed)
        var after = stat()
        stat(page.path, &after)
        #expect(after.st_ino != before.st_ino)
        let names = try FileManager.default.contentsOfDirectory(atPath: page.deletingLastPathComponent().path)
        #expect(names == ["index.html"])
    }
}

final class LockedList: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [Int] = []
    func add(_ value: Int) { lock.withLock { list.append(value) } }
    var values: [Int] { lock.withLock { list.sorted() } }
}
