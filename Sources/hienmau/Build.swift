import ArgumentParser
import Foundation
import HienMauKit

/// `hienmau build`: the site into the output folder, swapped in whole once it is written.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the site into the output folder.")
    @OptionGroup var input: InputOptions
    @Option(help: "The output folder.") var output = "public"
    @Flag(help: "Print the time of each stage.") var timings = false

    func run() throws {
        InterruptCleanup.install()
        let started = ContinuousClock.now
        let outputURL = try input.outputFolder(output)
        let lock = try input.lock(outputURL, named: output, command: "hienmau build")
        defer { withExtendedLifetime(lock) {} }
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
        guard input.accepts(result) else {
            result.staged?.abandon()
            throw CommandFailure.reported
        }
        let writing = try write(result, with: writer, progress: progress)
        let total = ContinuousClock.now - started
        if timings { Report.timings(result, write: writing) }
        Report.summary(result, seconds: total.seconds, output: output)
        // The session's memory goes back with the process, not object by object.
        _ = Unmanaged.passRetained(session)
    }

    /// Swaps the staged site in, or writes the files of a build that kept
    /// them in memory; returns how long it took.
    private func write(_ result: BuildResult, with writer: OutputWriter, progress: ProgressLine) throws -> Duration {
        let started = ContinuousClock.now
        defer { progress.finish() }
        do {
            if let staged = result.staged {
                staged.stopIfSignalled()
                try staged.commit(assets: result.assets)
            } else {
                let count = result.files.count + result.assets.count
                progress.update(
                    Message(vi: "Ghi \(VietnameseFormat.integer(count)) tệp…", en: "Writing \(count) files…"))
                try writer.write(files: result.files, assets: result.assets)
            }
        } catch {
            throw CommandFailure(writing: error, output: writer.output, named: output, language: result.language)
        }
        return ContinuousClock.now - started
    }
}
