import Foundation
import Testing

@testable import HienMauKit

/// The preview server's request reader and host check, without a socket.
@Suite struct HTTPHeadTests {
    func read(_ chunks: [String], limits: HTTPRequestHead.Limits = .init()) -> HTTPRequestHead.Outcome {
        var reader = HTTPRequestHead.Reader(limits: limits)
        var bytes: [UInt8] = []
        var outcome = HTTPRequestHead.Outcome.incomplete
        for chunk in chunks {
            bytes += Array(chunk.utf8)
            outcome = reader.read(bytes)
            if outcome != .incomplete { return outcome }
        }
        return outcome
    }

    @Test func aHeadCutAnywhereReadsTheSame() {
        let text = "GET /thong-ke/?a=1 HTTP/1.1\r\nHost: localhost:8080\r\nX-Empty:\r\nConnection: close\r\n\r\n"
        let whole = read([text])
        guard case .head(let head, let length) = whole else {
            Issue.record("\(whole)")
            return
        }
        #expect(length == text.utf8.count)
        #expect(head.method == "GET" && head.path == "/thong-ke/" && head.version == "HTTP/1.1")
        #expect(head.header("host") == "localhost:8080" && head.header("x-empty") == "")
        #expect(!head.keepsAlive)
        for cut in 1..<text.count {
            #expect(read([String(text.prefix(cut)), String(text.dropFirst(cut))]) == whole, "\(cut)")
        }
        #expect(read(["GET / HTTP/1.0\n", "Host: a\n\n"]) != .incomplete)
    }

    @Test func limitsAreRefusedWithTheirStatus() {
        #expect(read(["GET /" + String(repeating: "a", count: 9000)]) == .refused(status: 414))
        #expect(read(["GET / HTTP/1.1\r\nX: " + String(repeating: "a", count: 40_000)]) == .refused(status: 431))
        #expect(
            read(["GET / HTTP/1.1\r\n" + (0..<101).map { "X-\($0): 1\r\n" }.joined() + "\r\n"]) == .refused(status: 431)
        )
        #expect(read(["GARBAGE\r\n\r\n"]) == .refused(status: 400))
        #expect(read(["GET / HTTP/1.1\r\n folded: x\r\n\r\n"]) == .refused(status: 400))
        #expect(read(["GET / SPDY/3\r\n\r\n"]) == .refused(status: 400))
    }

    @Test func aHugeHeadSentByteByByteCostsLinearTime() {
        var reader = HTTPRequestHead.Reader()
        var bytes = Array("GET / HTTP/1.1\r\nX: ".utf8)
        let started = ContinuousClock.now
        var outcome = HTTPRequestHead.Outcome.incomplete
        while outcome == .incomplete {
            bytes.append(UInt8(ascii: "a"))
            outcome = reader.read(bytes)
        }
        #expect(outcome == .refused(status: 431))
        #expect(ContinuousClock.now - started < .seconds(2))
    }

    @Test func hostsAreLocalhostAndTheListeningAddress() {
        let hosts = PreviewHosts(listening: "127.0.0.1", port: 8080)
        for good in ["localhost", "LOCALHOST:8080", "127.0.0.1:8080", "[::1]:8080", "127.0.0.1"] {
            #expect(hosts.accepts(host: good), "\(good)")
        }
        for bad in [
            nil, "", "evil.example", "evil.example:8080", "127.0.0.1:8081", "localhost.evil.example",
            "127.0.0.1.nip.io",
        ] {
            #expect(!hosts.accepts(host: bad), "\(bad ?? "nil")")
        }
        #expect(hosts.accepts(origin: nil))
        #expect(hosts.accepts(origin: "http://localhost:8080"))
        #expect(!hosts.accepts(origin: "http://evil.example"))
        #expect(!hosts.accepts(origin: "null"))
        #expect(!hosts.accepts(origin: "https://localhost:8080.evil.example"))
    }

    @Test func webSocketFramesRoundTrip() {
        let masked: [UInt8] =
            [0x81, 0x85, 1, 2, 3, 4]
            + Array("hello".utf8).enumerated().map { $0.element ^ [1, 2, 3, 4][$0.offset & 3] }
        #expect(WebSocketFrames.read(masked) == .frame(opcode: 1, payload: Array("hello".utf8), length: 11))
        #expect(WebSocketFrames.read(Array(masked.prefix(7))) == .incomplete)
        #expect(WebSocketFrames.read([0x81, 0x05] + Array("hello".utf8)) == .invalid)
        #expect(WebSocketFrames.frame(opcode: 1, Array("reload".utf8)) == [0x81, 6] + Array("reload".utf8))
        #expect(WebSocketFrames.acceptKey(for: "dGhlIHNhbXBsZSBub25jZQ==") == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
    }
}
