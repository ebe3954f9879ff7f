import ArgumentParser
import Foundation
import HienMauKit

/// `hienmau serve`: builds, serves the output folder on 127.0.0.1, rebuilds
/// what an edit touched and reloads open pages over a WebSocket.
///
/// Three threads: the server's loop (`PreviewServer`), which answers from
/// the last good site on disk and never waits for a build; the watcher,
/// which rebuilds when a source changes; and the threads that read files
/// for answers. A rebuild replaces each changed file in one rename, so an
/// answer is the old page or the new one, whole.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build, serve on 127.0.0.1 and rebuild on every change.")
    @OptionGroup var input: InputOptions
    @Option(help: "The output folder.") var output = "public"
    @Option(help: "The port.") var port = 8080
    @Option(help: "The address to listen on; another than 127.0.0.1 only when you mean it.") var host = "127.0.0.1"
    @Option(help: "Seconds between two looks for changed files where the system cannot say when a file changes.")
    var poll = 0.05

    func validate() throws {
        guard UInt16(exactly: port) != nil else {
            throw ValidationError("--port must be between 0 and 65535, not \(port).")
        }
    }

    func run() throws {
        InterruptCleanup.install()
        let outputURL = try input.outputFolder(output)
        let lock = try input.lock(outputURL, named: output, command: "hienmau serve")
        defer { withExtendedLifetime(lock) {} }
        let preview = Preview(options: input.buildOptions, output: outputURL, input: input)
        preview.rebuild(first: true)
        let server: PreviewServer
        do {
            server = try PreviewServer(host: host, port: port) { head in preview.respond(to: head) }
        } catch {
            throw CommandFailure(path: "--host", error.message)
        }
        preview.server = server
        // On a thread of its own: waiting for the file system blocks, and so does a rebuild.
        let folders = [input.buildOptions.content, input.buildOptions.templates], poll = self.poll
        Thread.detachNewThread {
            var watcher = SourceWatcher(folders: folders)
            while true {
                watcher.wait(timeout: poll)
                if watcher.changed() { preview.rebuild(first: false) }
            }
        }
        say(
            preview.language == .vi
                ? "Xem trước tại http://\(host):\(server.port)/ (Ctrl+C để dừng)"
                : "Preview at http://\(host):\(server.port)/ (Ctrl+C to stop)")
        server.run()
    }
}

/// The state of a preview: the build session, and what answers need from
/// the last build (its base path, its errors), read under a lock that a
/// rebuild holds only to swap them.
final class Preview: @unchecked Sendable {
    let session: SiteSession
    let output: URL
    let input: InputOptions
    weak var server: PreviewServer?
    /// Touched by the rebuilding thread only.
    private var files: [OutputFile] = []
    private var printed: [Diagnostic] = []
    private let lock = NSLock()
    private var failurePage: String?
    private var basePath = "/"
    private var currentLanguage: Language = .vi

    init(options: BuildOptions, output: URL, input: InputOptions) {
        self.session = SiteSession(options)
        self.output = output
        self.input = input
    }

    var language: Language { lock.withLock { currentLanguage } }

    /// Builds again; on success writes what changed, on failure keeps the
    /// last good site on disk and shows the errors in the browser.
    func rebuild(first: Bool) {
        let started = ContinuousClock.now
        let result = session.build()
        // The same warnings again (an edit elsewhere) are counted, not printed again.
        if result.diagnostics.items != printed {
            Report.print(result, input: input)
            printed = result.diagnostics.items
        }
        var page: String?
        if result.succeeded {
            write(result, first: first)
            let ms = Int(((ContinuousClock.now - started).seconds * 1000).rounded())
            let stages = result.timings.map { "\($0.stage) \(Int(($0.seconds * 1000).rounded()))" }.joined(
                separator: ", ")
            say(
                result.language == .vi
                    ? "Đã dựng lại \(result.rendered.count) tệp trong \(ms) ms (\(stages) ms)."
                    : "Rebuilt \(result.rendered.count) files in \(ms) ms (\(stages) ms).")
        } else {
            page = PreviewPage.errors(result.diagnostics, language: result.language)
        }
        lock.withLock {
            currentLanguage = result.language
            failurePage = page
            if result.succeeded { basePath = result.basePath }
        }
        if !first { server?.broadcast("reload") }
    }

    /// The files of a good build onto disk; a failure is said in the site's language and the old files stay.
    private func write(_ result: BuildResult, first: Bool) {
        do {
            let writer = OutputWriter(output: output)
            if first {
                try writer.write(files: result.files, assets: result.assets)
            } else {
                try writer.update(
                    files: result.files, rendered: result.rendered, assets: result.assets, previous: files)
            }
            files = result.files
        } catch {
            let failure = CommandFailure(
                writing: error, output: output, named: output.lastPathComponent, language: result.language)
            FileHandle.standardError.write(Data(failure.text.utf8))
        }
    }

    /// Answers from what is on disk now; never waits for a rebuild.
    func respond(to head: HTTPRequestHead) -> PreviewResponse {
        let (base, failure) = lock.withLock { (basePath, failurePage) }
        // Links carry base_url's path (a project site on GitHub Pages); the preview serves the folder at /.
        var path = head.path
        if base != "/" && path.hasPrefix(base) { path = "/" + path.dropFirst(base.count) }
        if let failure, path.hasSuffix("/") || path.hasSuffix(".html") {
            return html(failure, status: 500)
        }
        guard let file = PreviewPath.resolve(path, root: output),
            let data = FileManager.default.contents(atPath: file.path)
        else {
            let page = output.appendingPathComponent("404.html")
            let text = FileManager.default.contents(atPath: page.path).map { String(decoding: $0, as: UTF8.self) }
            return html(text ?? "404", status: 404)
        }
        let type = PreviewPath.contentType(of: file)
        if type.hasPrefix("text/html") {
            return html(String(decoding: data, as: UTF8.self), status: 200)
        }
        return PreviewResponse(
            status: 200, headers: [("Content-Type", type), ("Cache-Control", "no-store")], body: [UInt8](data))
    }

    private func html(_ text: String, status: Int) -> PreviewResponse {
        PreviewResponse(
            status: status, headers: [("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "no-store")],
            body: Array(PreviewPage.injectingReload(into: text).utf8))
    }
}

/// A line on stdout at once, also into a pipe or a log file (print buffers those).
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
