import ArgumentParser
import Foundation
import HienMauKit

@main
struct HienMau: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hienmau",
        abstract: "Static report sites for blood-donation campaigns.",
        subcommands: [Build.self, Check.self, New.self, Serve.self],
        defaultSubcommand: Build.self)
}

/// Options shared by `build` and `check`.
struct InputOptions: ParsableArguments {
    @Option(help: "The content folder.") var content = "content"
    @Option(help: "The templates folder.") var templates = "templates"
    @Flag(help: "Include drafts.") var drafts = false
    @Flag(help: "Treat warnings as errors.") var strict = false
    @Option(help: "How to print problems: text, github or json.") var format: DiagnosticFormat = .text

    var buildOptions: BuildOptions {
        BuildOptions(content: URL(fileURLWithPath: content), templates: URL(fileURLWithPath: templates), drafts: drafts)
    }
}

enum DiagnosticFormat: String, ExpressibleByArgument, CaseIterable {
    case text, github, json
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the site into the output folder.")
    @OptionGroup var input: InputOptions
    @Option(help: "The output folder.") var output = "public"
    @Flag(help: "Print the time of each stage.") var timings = false

    func run() throws {
        InterruptCleanup.install()
        let started = ContinuousClock.now
        let outputURL = URL(fileURLWithPath: output)
        if let problem = OutputGuard.problem(
            output: outputURL, content: input.buildOptions.content, templates: input.buildOptions.templates,
            workingDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        {
            Report.fail(problem, path: output)
        }
        let progress = ProgressLine()
        let session = SiteSession(input.buildOptions)
        session.progress = { progress.update($0) }
        session.keepsMemoryUntilExit = true
        // Files are written into a staging folder as they are rendered; the
        // site is swapped in only when the whole build succeeded.
        let writer = OutputWriter(output: outputURL)
        let result = session.build(into: { try? StagedSite(writer: writer) })
        progress.setLanguage(result.language)
        progress.finish()
        Report.print(result, input: input)
        guard result.succeeded, !(input.strict && !result.diagnostics.warnings.isEmpty) else {
            result.staged?.abandon()
            throw ExitCode(1)
        }
        let writeStart = ContinuousClock.now
        do {
            if let staged = result.staged {
                staged.stopIfSignalled()
                try staged.commit(assets: result.assets)
            } else {
                let count = result.files.count + result.assets.count
                progress.update(Message(vi: "Ghi \(VietnameseFormat.integer(count)) tệp…", en: "Writing \(count) files…"))
                try writer.write(files: result.files, assets: result.assets)
            }
            progress.finish()
        } catch {
            progress.finish()
            FileHandle.standardError.write(Data("\(output): error: \(error.localizedDescription)\n".utf8))
            throw ExitCode(1)
        }
        let total = ContinuousClock.now - started
        if timings {
            var lines = result.timings.map { String(format: "%-10@ %8.1f ms", $0.stage, $0.seconds * 1000) }
            // The CSV is read while the write-ups are parsed: "aggregate" above is the wait after parsing.
            if let all = result.aggregateSeconds, let index = result.timings.firstIndex(where: { $0.stage == "aggregate" }) {
                lines[index] += String(format: "  (%.1f ms in all, alongside parse)", all * 1000)
            }
            lines.append(String(format: "%-10@ %8.1f ms", "write", (ContinuousClock.now - writeStart).seconds * 1000))
            FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        }
        Report.summary(result, seconds: total.seconds, output: output)
        // The session's memory goes back with the process, not object by object.
        withExtendedLifetime(session) { Foundation.exit(0) }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check content, data and templates; write nothing.")
    @OptionGroup var input: InputOptions

    func run() throws {
        let result = Site.generate(input.buildOptions)
        Report.print(result, input: input)
        guard result.succeeded, !(input.strict && !result.diagnostics.warnings.isEmpty) else { throw ExitCode(1) }
        if input.format == .text {
            let pages = result.paths.filter { $0.hasSuffix(".html") }.count
            print(result.language == .vi
                  ? "Không có lỗi: \(pages) trang, \(result.rows) dòng số liệu, \(result.diagnostics.warnings.count) cảnh báo."
                  : "No errors: \(pages) pages, \(result.rows) rows, \(result.diagnostics.warnings.count) warnings.")
        }
    }
}

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Start a new campaign write-up.")
    @Argument(help: "The campaign's title.") var title: String
    @Option(help: "The content folder.") var content = "content"

    func run() throws {
        do {
            let path = try Scaffold.newCampaign(title: title, content: URL(fileURLWithPath: content), today: Scaffold.today())
            print(path)
        } catch let error as Scaffold.Failure {
            FileHandle.standardError.write(Data("error: \(error.message.text(.vi))\n".utf8))
            throw ExitCode(1)
        }
    }
}
