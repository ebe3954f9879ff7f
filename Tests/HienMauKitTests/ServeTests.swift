import Foundation
import Testing

@testable import HienMauKit

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `hienmau serve` on a copy of the sample site: pages with the reload
/// script, 404 for every way out of the folder, rebuild on edit, the error
/// page for a broken file and the page back once it is fixed.
@Suite(.serialized) struct ServeTests {
    struct Server {
        let folder = TempFolder()
        /// Chosen by the system (`--port 0`) and read from the line serve prints: no two servers collide.
        let port: Int
        let process = Process()

        init(baseURL: String? = nil) throws {
            let (content, _) = folder.copySampleSite()
            if let baseURL {
                let file = content.appendingPathComponent("site.yml")
                let text = try String(contentsOf: file, encoding: .utf8)
                try Data(
                    text.replacing("base_url: \"https://hienmau.example.org/\"", with: "base_url: \"\(baseURL)\"").utf8
                )
                .write(to: file)
            }
            process.executableURL = URL(fileURLWithPath: CLI.binary)
            process.arguments = ["serve", "--port", "0"]
            process.currentDirectoryURL = folder.url
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            port = Self.port(announcedOn: out.fileHandleForReading)
            // The rest of its output goes nowhere, without filling the pipe.
            let reader = out.fileHandleForReading
            Thread.detachNewThread { while !reader.availableData.isEmpty {} }
            for _ in 0..<300 where (try? get("/")) == nil { Thread.sleep(forTimeInterval: 0.1) }
        }

        /// The port of "http://127.0.0.1:PORT/" in the lines serve prints, 0 if it ends first.
        static func port(announcedOn output: FileHandle) -> Int {
            var text = ""
            while true {
                let data = output.availableData
                if data.isEmpty { return 0 }
                text += String(decoding: data, as: UTF8.self)
                if let range = text.range(of: "http://127.0.0.1:"),
                    let slash = text[range.upperBound...].firstIndex(of: "/")
                {
                    return Int(text[range.upperBound..<slash]) ?? 0
                }
            }
        }

        func stop() {
            process.terminate()
            process.waitUntilExit()
        }

        /// Status and body; the path is sent exactly as written (no normalizing).
        func get(_ path: String) throws -> (status: Int, body: String) {
            let socket = try TCP(port: port)
            return try socket.request("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        }
    }

    @Test func servesPagesWithTheReloadScriptOnlyInServe() throws {
        let server = try Server()
        defer { server.stop() }
        let home = try server.get("/")
        #expect(home.status == 200)
        #expect(home.body.contains(PreviewPage.reloadPath))
        #expect(try server.get("/thong-ke/").status == 200)
        #expect(try server.get("/style.css").status == 200)
        #expect(try server.get("/khong-co/").status == 404)
        // What is on disk is the build's output, without the script.
        let onDisk = try String(
            contentsOf: server.folder.url.appendingPathComponent("public/index.html"), encoding: .utf8)
        #expect(!onDisk.contains(PreviewPage.reloadPath))
    }

    @Test func aSiteUnderASubPathIsServedWhereItsLinksPoint() throws {
        let server = try Server(baseURL: "https://example.github.io/hienmau/")
        defer { server.stop() }
        let home = try server.get("/hienmau/")
        #expect(home.status == 200)
        #expect(home.body.contains("href=\"/hienmau/thong-ke/\""))
        #expect(try server.get("/hienmau/thong-ke/").status == 200)
        #expect(try server.get("/hienmau/style.css").status == 200)
    }

    @Test(arguments: [
        "/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
        "/thong-ke/..%2f..%2f..%2fetc/passwd", "//etc/passwd", "/%252e%252e/etc/passwd",
        "/.hienmau-output", "/ra-ngoai/passwd", "/..\\..\\etc\\passwd", "/%00/index.html",
    ])
    func requestsOutsideTheFolderAre404(_ path: String) throws {
        let server = try Server()
        defer { server.stop() }
        // A symbolic link inside the output that points out of it.
        try FileManager.default.createSymbolicLink(
            atPath: server.folder.url.appendingPathComponent("public/ra-ngoai").path, withDestinationPath: "/etc")
        let answer = try server.get(path)
        #expect(answer.status == 404, "\(path)")
        #expect(!answer.body.contains("root:"))
    }

    @Test func anEditIsRebuiltABrokenFileShowsItsErrorAndTheFixBringsThePageBack() throws {
        let server = try Server()
        defer { server.stop() }
        let file = server.folder.url.appendingPathComponent("content/campaigns/ca-mau-2020.md")
        let good = try String(contentsOf: file, encoding: .utf8)
        let page = "/chien-dich/cong-an-ca-mau-hien-667-don-vi-mau-giua-mua-dich-covid-19/"

        // Saved in one step, as editors do: the watcher never sees a half-written file.
        try Data(good.replacing("Tháng 4/2020, cả nước", with: "Tháng tư năm 2020, cả nước").utf8).write(
            to: file, options: .atomic)
        #expect(wait { (try? server.get(page).body.contains("Tháng tư năm 2020")) == true })

        try Data(good.replacing("campaign: ca-mau-2020", with: "campaign: [ca-mau").utf8).write(
            to: file, options: .atomic)
        #expect(wait { (try? server.get(page).status) == 500 })
        let errorPage = try server.get(page)
        #expect(errorPage.body.contains("Trang chưa dựng được"))
        #expect(errorPage.body.contains("content/campaigns/ca-mau-2020.md:4:5: lỗi: YAML không hợp lệ"))
        #expect(errorPage.body.contains(PreviewPage.reloadPath))

        try Data(good.utf8).write(to: file, options: .atomic)
        #expect(wait { (try? server.get(page).status) == 200 })
        #expect(try server.get(page).body.contains("Tháng 4/2020, cả nước"))
    }

    func wait(_ condition: () -> Bool) -> Bool {
        for _ in 0..<100 {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }
}

/// A plain TCP client: URLSession would clean up `..` before sending.
struct TCP {
    let fd: Int32

    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(fd)
            throw POSIXError(.ECONNREFUSED)
        }
    }

    func request(_ text: String) throws -> (status: Int, body: String) {
        defer { close(fd) }
        _ = text.utf8CString.withUnsafeBufferPointer { send(fd, $0.baseAddress, $0.count - 1, 0) }
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            data += buffer[0..<n]
        }
        let response = String(decoding: data, as: UTF8.self)
        let status = Int(response.split(separator: " ").dropFirst().first ?? "") ?? 0
        let body = response.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n")
        return (status, body)
    }
}
