import Foundation
import Testing
import Yams

/// The CI files `hienmau init` writes, run as their CI would run them, in a
/// fresh site: the shell of each step through bash, in order. The download
/// is the locally built tarball (`make dist`) through a file:// address with
/// its real checksum; without one, the install step is left out and the
/// binary under test is put on the PATH instead.
@Suite(.serialized) struct CIRecipeTests {
    /// A site made by `hienmau init`, and where the tool goes.
    final class Runner {
        let temp = TempFolder()
        var site: URL { temp.url.appendingPathComponent("site") }
        var tools: URL { temp.url.appendingPathComponent("runner-temp") }
        var githubPath: URL { tools.appendingPathComponent("github-path") }
        /// The PATH the steps after the install see.
        var path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"

        init() throws {
            try FileManager.default.createDirectory(at: tools, withIntermediateDirectories: true)
            let made = try CLI.run(["init", "site"], in: temp.url)
            guard made.status == 0 else { throw CLIError(text: made.stderr) }
        }

        /// Runs `script` as GitHub Actions runs a `run:` step (bash -eo pipefail), in the site.
        func run(_ script: String, extra: [String: String] = [:]) throws -> CLI.Run {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = ["--noprofile", "--norc", "-eo", "pipefail", "-c", script]
            process.currentDirectoryURL = site
            var environment = ProcessInfo.processInfo.environment
            environment["PATH"] = path
            environment["RUNNER_TEMP"] = tools.path
            environment["TMPDIR"] = tools.path
            environment["GITHUB_PATH"] = githubPath.path
            for (key, value) in extra { environment[key] = value }
            process.environment = environment
            let out = Pipe(), err = Pipe()
            (process.standardOutput, process.standardError) = (out, err)
            try process.run()
            let stdout = out.fileHandleForReading.readDataToEndOfFile()
            let stderr = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return CLI.Run(
                status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                stderr: String(decoding: stderr, as: UTF8.self))
        }

        func breakARow() throws {
            let csv = site.appendingPathComponent("content/data/donations.csv")
            var lines = try String(contentsOf: csv, encoding: .utf8).components(separatedBy: "\n")
            lines[1] = lines[1].replacing(",350,", with: ",3500,")
            try Data(lines.joined(separator: "\n").utf8).write(to: csv)
        }
    }

    struct CLIError: Error {
        var text: String
    }

    /// The tarball `make dist` made of this version, if there is one.
    static func tarball() throws -> URL? {
        let version =
            try CLI.run(["--version"], in: Repo.root).stdout.split(separator: " ").dropFirst().first.map(String.init)
            ?? ""
        let url = Repo.root.appendingPathComponent("dist/hienmau-\(version)-linux-x86_64.tar.gz")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    static func sha256(_ url: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [url.path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return String(text.prefix { $0 != " " })
    }

    /// The download, replaced by the local tarball, or nil (then the binary under test is on the PATH).
    static func download() throws -> [String: String]? {
        guard let tarball = try tarball() else { return nil }
        return ["HIENMAU_URL": tarball.absoluteString, "HIENMAU_SHA256": try sha256(tarball)]
    }

    /// The named steps of the build job and the shell each runs.
    static func githubSteps(_ site: URL) throws -> [(name: String, run: String)] {
        let steps = try #require(try workflow(site)["jobs"]?["build"]?["steps"]?.sequence)
        return steps.compactMap { step in
            step["run"]?.string.map { (step["name"]?.string ?? "", $0) }
        }
    }

    static func workflow(_ site: URL) throws -> Node {
        let text = try String(contentsOf: site.appendingPathComponent(".github/workflows/site.yml"), encoding: .utf8)
        return try #require(try Yams.compose(yaml: text))
    }

    /// A mapping of the recipe (the workflow's `env`, GitLab's `variables`) as environment variables.
    static func variables(_ node: Node?) -> [String: String] {
        var out: [String: String] = [:]
        for (key, value) in node?.mapping ?? [:] {
            if let key = key.string, let value = value.string { out[key] = value }
        }
        return out
    }

    @Test func theGitHubStepsPassOnAFreshSiteAndABadRowFailsWithAnAnnotation() throws {
        let runner = try Runner()
        let steps = try Self.githubSteps(runner.site)
        #expect(steps.map(\.name) == ["Install hienmau", "Check (errors show on the pull request)", "Build"])
        let env = Self.variables(try Self.workflow(runner.site)["env"])
        #expect(env.keys.sorted() == ["HIENMAU_SHA256", "HIENMAU_URL"])
        var started = ContinuousClock.now
        if let download = try Self.download() {
            let install = try runner.run(steps[0].run, extra: env.merging(download) { $1 })
            #expect(install.status == 0, "\(install.stdout)\(install.stderr)")
            let added = try String(contentsOf: runner.githubPath, encoding: .utf8).split(separator: "\n").map(
                String.init)
            #expect(added == [runner.tools.appendingPathComponent("hienmau").path])
            runner.path = added.joined(separator: ":") + ":" + runner.path
        } else {
            runner.path = URL(fileURLWithPath: CLI.binary).deletingLastPathComponent().path + ":" + runner.path
        }
        let installed = ContinuousClock.now - started
        started = ContinuousClock.now
        for step in steps.dropFirst() {
            let run = try runner.run(step.run)
            #expect(run.status == 0, "\(step.name): \(run.stdout)\(run.stderr)")
        }
        let work = ContinuousClock.now - started
        #expect(FileManager.default.fileExists(atPath: runner.site.appendingPathComponent("public/index.html").path))
        print(
            "CI steps (\(try Self.tarball() == nil ? "debug binary" : "tarball")): install \(installed), check and build \(work)"
        )

        try runner.breakARow()
        let check = try runner.run(steps[1].run)
        #expect(check.status == 1)
        #expect(check.stdout.contains("\n::error file=content/data/donations.csv,line=2,col="), "\(check.stdout)")
        let build = try runner.run(steps[2].run)
        #expect(build.status == 1)
    }

    /// docs/ci.md shows, as they are, the two files `init` writes.
    @Test func docsCIShowsTheFilesInitWrites() throws {
        let runner = try Runner()
        let doc = try String(contentsOf: Repo.root.appendingPathComponent("docs/ci.md"), encoding: .utf8)
        for path in [".github/workflows/site.yml", ".gitlab-ci.yml"] {
            let text = try String(contentsOf: runner.site.appendingPathComponent(path), encoding: .utf8)
            #expect(
                doc.contains("`\(path)`:\n\n```yaml\n\(text)```\n"),
                "docs/ci.md does not show \(path) as init writes it")
        }
    }

    /// Until the address and the checksum are set, the install step says so and fails.
    @Test func theInstallStepFailsUntilTheAddressIsSet() throws {
        let runner = try Runner()
        let env = Self.variables(try Self.workflow(runner.site)["env"])
        let install = try runner.run(try Self.githubSteps(runner.site)[0].run, extra: env)
        #expect(install.status == 1)
        #expect(install.stdout.hasPrefix("::error file=.github/workflows/site.yml::Đặt HIENMAU_URL và HIENMAU_SHA256"))
        // A wrong checksum stops it before anything is unpacked.
        if let download = try Self.download() {
            let wrong = try runner.run(
                try Self.githubSteps(runner.site)[0].run,
                extra: download.merging(["HIENMAU_SHA256": String(repeating: "0", count: 64)]) { $1 })
            #expect(wrong.status == 1)
            #expect(
                !FileManager.default.fileExists(atPath: runner.tools.appendingPathComponent("hienmau/hienmau").path))
        }
    }

    /// GitLab runs before_script and a job's script in one shell.
    @Test func theGitLabPagesJobPassesAndABadRowFailsIt() throws {
        let runner = try Runner()
        let text = try String(contentsOf: runner.site.appendingPathComponent(".gitlab-ci.yml"), encoding: .utf8)
        let recipe = try #require(try Yams.compose(yaml: text))
        let before = try #require(recipe["before_script"]?.sequence).compactMap(\.string)
        let pages = try #require(recipe["pages"]?["script"]?.sequence).compactMap(\.string)
        #expect(pages == ["hienmau check", "hienmau build"])
        #expect(recipe["pages"]?["artifacts"]?["paths"]?.sequence?.compactMap(\.string) == ["public"])
        var extra = Self.variables(recipe["variables"])
        #expect(extra.keys.sorted() == ["HIENMAU_SHA256", "HIENMAU_URL"])
        var script = pages
        if let download = try Self.download() {
            extra.merge(download) { $1 }
            script = before + pages
        } else {
            runner.path = URL(fileURLWithPath: CLI.binary).deletingLastPathComponent().path + ":" + runner.path
        }
        let run = try runner.run(script.joined(separator: "\n"), extra: extra)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: runner.site.appendingPathComponent("public/index.html").path))
        try runner.breakARow()
        let failed = try runner.run(script.joined(separator: "\n"), extra: extra)
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("content/data/donations.csv:2:"), "\(failed.stderr)")
    }
}
