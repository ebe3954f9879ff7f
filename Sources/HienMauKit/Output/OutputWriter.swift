import Foundation

/// Writes a finished site atomically: everything goes into a staging folder
/// beside the output, which then takes the output's place in two renames. A
/// build that fails or is interrupted leaves the previous site as it was.
public struct OutputWriter {
    public var output: URL

    public init(output: URL) {
        self.output = output.standardizedFileURL
    }

    var parent: URL { output.deletingLastPathComponent() }
    var stagingPrefix: String { ".\(output.lastPathComponent).hienmau-staging-" }
    var retiredPrefix: String { ".\(output.lastPathComponent).hienmau-old-" }

    /// Writes `files` and copies `assets`, then swaps the result in.
    public func write(files: [OutputFile], assets: [(path: String, url: URL)]) throws {
        let site = try StagedSite(writer: self)
        // On every core, in slices between which an interrupt is noticed.
        let slices = stride(from: 0, to: files.count, by: 256).map { $0..<min($0 + 256, files.count) }
        for slice in slices {
            site.stopIfSignalled()
            _ = Parallel.map(Array(slice), threads: ProcessInfo.processInfo.activeProcessorCount) { i in
                site.write([files[i]])
            }
        }
        try site.commit(assets: assets)
    }

    func swapIn(_ staging: URL) throws(OutputProblem) {
        let fm = FileManager.default
        // One atomic exchange where the system has it: the output never stops existing.
        if fm.fileExists(atPath: output.path), AtomicExchange.exchange(staging.path, output.path) {
            try? fm.removeItem(at: staging)
            return
        }
        let retired = parent.appendingPathComponent(retiredPrefix + String(getpid()))
        if fm.fileExists(atPath: output.path), rename(output.path, retired.path) != 0 {
            throw .last(output.path, doing: OutputProblem.swapping)
        }
        guard rename(staging.path, output.path) == 0 else {
            let problem = OutputProblem.last(output.path, doing: OutputProblem.swapping)
            if fm.fileExists(atPath: retired.path) { _ = rename(retired.path, output.path) }
            throw problem
        }
        try? fm.removeItem(at: retired)
    }

    /// `error` with its path shown as a path of the output: the staging
    /// folder is an implementation detail the reader never saw.
    func shown(_ error: Error) -> Error {
        guard var problem = error as? OutputProblem else { return error }
        let stagingPath = parent.path + "/" + stagingPrefix + String(getpid())
        if problem.path.hasPrefix(stagingPath) {
            problem.path = output.path + problem.path.dropFirst(stagingPath.count)
        }
        return problem
    }

    /// Staging folders of builds that were killed; a retired site whose swap was cut short is put back.
    func removeLeftovers() {
        let fm = FileManager.default
        for name in (try? fm.contentsOfDirectory(atPath: parent.path)) ?? [] {
            let url = parent.appendingPathComponent(name)
            if name.hasPrefix(stagingPrefix) {
                try? fm.removeItem(at: url)
            } else if name.hasPrefix(retiredPrefix) {
                if fm.fileExists(atPath: output.path) {
                    try? fm.removeItem(at: url)
                } else {
                    try? fm.moveItem(at: url, to: output)
                }
            }
        }
    }
}
