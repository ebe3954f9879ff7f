import ArgumentParser
import FlyingFox
import Foundation
import HienMauKit

/// `hienmau serve`: builds, serves the output folder on 127.0.0.1, rebuilds
/// what an edit touched and reloads open pages over a WebSocket.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build, serve on 127.0.0.1 and rebuild on every change.")
    @OptionGroup var input: InputOptions
    @Option(help: "The output folder.") var output = "public"
    @Option(help: "The port.") var port = 8080
    @Option(help: "The address to listen on; another than 127.0.0.1 only when you mean it.") var host = "127.0.0.1"
    @Option(help: "Seconds between two looks for changed files where the system cannot say when a file changes.") var poll = 0.05

    func validate() throws {
        guard UInt16(exactly: port) != nil else {
            throw ValidationError("--port must be between 0 and 65535, not \(port).")
        }
    }

    func run() async throws {
        let outputURL = URL(fileURLWithPath: output).standardizedFileURL
        try input.checkOutput(outputURL, named: output)
        let preview = Preview(options: input.buildOptions, output: outputURL, input: input)
        await preview.rebuild(first: true)

        let server = HTTPServer(address: try .inet(ip4: host, port: UInt16(port)), logger: .disabled)
        await server.appendRoute(HTTPRoute("GET \(PreviewPage.reloadPath)"), to: .webSocket(preview.sockets))
        await server.appendRoute("GET *") { request in await preview.respond(to: request) }
        // On a thread of its own: waiting for the file system blocks.
        let folders = [input.buildOptions.content, input.buildOptions.templates], poll = self.poll
        Thread.detachNewThread {
            var watcher = SourceWatcher(folders: folders)
            while true {
                watcher.wait(timeout: poll)
                guard watcher.changed() else { continue }
                let done = DispatchSemaphore(value: 0)
                Task {
                    await preview.rebuild(first: false)
                    done.signal()
                }
                done.wait()
            }
        }
        let language = await preview.language
        say(language == .vi
              ? "Xem trước tại http://\(host):\(port)/ (Ctrl+C để dừng)"
              : "Preview at http://\(host):\(port)/ (Ctrl+C to stop)")
        try await server.run()
    }
}

/// The state of a preview: the build session, the last result, open pages.
actor Preview {
    let session: SiteSession
    let output: URL
    let input: InputOptions
    let sockets = ReloadSockets()
    private var files: [OutputFile] = []
    private var failure: BuildResult?
    private var printed: [Diagnostic] = []
    private var basePath = "/"
    private(set) var language: Language = .vi

    init(options: BuildOptions, output: URL, input: InputOptions) {
        self.session = SiteSession(options)
        self.output = output
        self.input = input
    }

    /// Builds again; on success writes what changed, on failure keeps the
    /// last good site on disk and shows the errors in the browser.
    func rebuild(first: Bool) async {
        let started = ContinuousClock.now
        let result = session.build()
        language = result.language
        // The same warnings again (an edit elsewhere) are counted, not printed again.
        if result.diagnostics.items != printed {
            Report.print(result, input: input)
            printed = result.diagnostics.items
        }
        if result.succeeded {
            basePath = result.basePath
            do {
                let writer = OutputWriter(output: output)
                if first {
                    try writer.write(files: result.files, assets: result.assets)
                } else {
                    try writer.update(files: result.files, rendered: result.rendered, assets: result.assets, previous: files)
                }
                files = result.files
                failure = nil
            } catch {
                FileHandle.standardError.write(Data("\(output.path): error: \(error.localizedDescription)\n".utf8))
            }
            let ms = Int(((ContinuousClock.now - started).seconds * 1000).rounded())
            let stages = result.timings.map { "\($0.stage) \(Int(($0.seconds * 1000).rounded()))" }.joined(separator: ", ")
            say(result.language == .vi
                  ? "Đã dựng lại \(result.rendered.count) tệp trong \(ms) ms (\(stages) ms)."
                  : "Rebuilt \(result.rendered.count) files in \(ms) ms (\(stages) ms).")
        } else {
            failure = result
        }
        if !first { await sockets.broadcast("reload") }
    }

    func respond(to request: HTTPRequest) -> HTTPResponse {
        // Links carry base_url's path (a project site on GitHub Pages); the preview serves the folder at /.
        var path = request.target.path()
        if basePath != "/" && path.hasPrefix(basePath) { path = "/" + path.dropFirst(basePath.count) }
        if let failure, path.hasSuffix("/") || path.hasSuffix(".html") {
            return html(PreviewPage.errors(failure.diagnostics, language: failure.language), status: .internalServerError)
        }
        guard let file = PreviewPath.resolve(path, root: output),
              let data = FileManager.default.contents(atPath: file.path)
        else {
            let page = output.appendingPathComponent("404.html")
            let text = FileManager.default.contents(atPath: page.path).map { String(decoding: $0, as: UTF8.self) }
            return html(text ?? "404", status: .notFound)
        }
        let type = PreviewPath.contentType(of: file)
        if type.hasPrefix("text/html") {
            return html(String(decoding: data, as: UTF8.self), status: .ok)
        }
        return HTTPResponse(statusCode: .ok, headers: [.contentType: type, .cacheControl: "no-store"], body: data)
    }

    private func html(_ text: String, status: HTTPStatusCode) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                     body: Data(PreviewPage.injectingReload(into: text).utf8))
    }
}

/// The open pages' WebSockets; each gets "reload" after a rebuild.
final class ReloadSockets: WSMessageHandler, @unchecked Sendable {
    private let lock = NSLock()
    private var clients: [UUID: AsyncStream<WSMessage>.Continuation] = [:]

    func makeMessages(for client: AsyncStream<WSMessage>) async throws -> AsyncStream<WSMessage> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<WSMessage>.makeStream()
        lock.withLock { clients[id] = continuation }
        Task { [weak self] in
            for await _ in client {}
            self?.lock.withLock { _ = self?.clients.removeValue(forKey: id) }
            continuation.finish()
        }
        return stream
    }

    func broadcast(_ text: String) async {
        for client in lock.withLock({ Array(clients.values) }) { client.yield(.text(text)) }
    }
}

/// A line on stdout at once, also into a pipe or a log file (print buffers those).
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
