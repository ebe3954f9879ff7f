import Foundation

@testable import HienMauKit

/// Paths and helpers shared by the tests.
enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let content = root.appendingPathComponent("content")
    /// The built-in theme's source, used as a site's own templates/ by tests that change a template.
    static let templates = root.appendingPathComponent("theme")
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
}

/// The input files kept for the tests in `Tests/HienMauKitTests/Fixtures/`.
enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    /// csv-spectrum 2.0.0: `csvs/*.csv` and the records each parses to, `json/*.json`.
    static let csvSpectrum = folder.appendingPathComponent("csv-spectrum")
    /// Inputs the fuzzers found trouble in.
    static let fuzz = folder.appendingPathComponent("fuzz")

    struct NoFiles: Error, CustomStringConvertible {
        var description: String
    }

    /// The names of the files in `folder` that `matches` keeps, sorted. Throws
    /// when the folder is missing or keeps none, so that a loop over them
    /// cannot pass by finding nothing.
    static func names(in folder: URL, where matches: (String) -> Bool = { _ in true }) throws -> [String] {
        let all: [String]
        do {
            all = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw NoFiles(description: "cannot list \(folder.path): \(error.localizedDescription)")
        }
        let names = all.filter { !$0.hasPrefix(".") && matches($0) }.sorted()
        guard !names.isEmpty else { throw NoFiles(description: "no test files in \(folder.path)") }
        return names
    }
}

/// A temporary folder removed when the value goes away.
final class TempFolder {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("hienmau-test-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Copies the sample content and templates in, to change them safely.
    func copySampleSite() -> (content: URL, templates: URL) {
        let content = url.appendingPathComponent("content"), templates = url.appendingPathComponent("templates")
        try! FileManager.default.copyItem(at: Repo.content, to: content)
        try! FileManager.default.copyItem(at: Repo.templates, to: templates)
        return (content, templates)
    }

    func write(_ relative: String, _ text: String) {
        let file = url.appendingPathComponent(relative)
        try! FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! Data(text.utf8).write(to: file)
    }
}

/// Reads CSV text through the real reader and aggregates it.
func figures(
    csv: String, campaigns: [(String, Int?)], milestones: [Int] = [5, 10, 15, 20, 30, 40, 50],
    consentDefault: Bool = false
) -> (SiteFigures, Diagnostics) {
    var diagnostics = Diagnostics()
    var builder = FigureBuilder(
        campaigns: campaigns.map { .init(id: $0.0, targetUnits: $0.1) },
        milestones: milestones, consentDefault: consentDefault, file: "d.csv")
    DonationTable.read(
        bytes: Array(csv.utf8),
        context: .init(file: "d.csv", campaignIDs: Set(campaigns.map(\.0))),
        diagnostics: &diagnostics, into: &builder)
    return (builder.finish(), diagnostics)
}

/// A small site in a temporary folder: one campaign (hn-2023), one page, two
/// CSV rows and the real templates. Tests change one file and build it.
final class MiniSite {
    let folder = TempFolder()
    var content: URL { folder.url.appendingPathComponent("content") }
    var templates: URL { folder.url.appendingPathComponent("templates") }

    static let header = "campaign,date,site,donor,donor_id,unit,volume_ml,blood_group,prior_donations,consent\n"
    static let campaign = """
        ---
        title: "Giọt máu nghĩa tình"
        campaign: hn-2023
        date: 2023-08-05
        start: 2023-08-04
        end: 2023-08-20
        target_units: 10
        ---

        Bài viết.

        ```stats
        by: site
        ```

        """

    init(language: String = "vi") {
        try! FileManager.default.copyItem(at: Repo.templates, to: templates)
        write("content/site.yml", "title: \"Hiến máu\"\nbase_url: \"https://example.org/\"\nlanguage: \(language)\n")
        write("content/campaigns/hn.md", Self.campaign)
        write("content/pages/gioi-thieu.md", "---\ntitle: \"Giới thiệu\"\n---\n\nTrang giới thiệu.\n")
        write(
            "content/data/donations.csv",
            Self.header
                + "hn-2023,2023-08-04,Trụ sở,Nguyễn Văn An,A1,Phòng 1,350,O+,,yes\n"
                + "hn-2023,2023-08-05,Trụ sở,Trần Thị Bình,,Phòng 2,250,A+,2,no\n")
    }

    func write(_ relative: String, _ text: String) { folder.write(relative, text) }

    func write(_ relative: String, bytes: [UInt8]) {
        try! Data(bytes).write(to: folder.url.appendingPathComponent(relative))
    }

    func remove(_ relative: String) {
        try! FileManager.default.removeItem(at: folder.url.appendingPathComponent(relative))
    }

    func generate() -> BuildResult {
        Site.generate(BuildOptions(content: content, templates: templates))
    }

    /// Every diagnostic of a build, printed as the CLI prints them.
    func report() -> String {
        let result = generate()
        return DiagnosticPrinter(language: result.language).format(result.diagnostics)
    }
}

/// Runs the built `hienmau` binary (path in HIENMAU_BIN, set by `make test`).
enum CLI {
    static let binary: String =
        ProcessInfo.processInfo.environment["HIENMAU_BIN"]
        ?? Repo.root.appendingPathComponent(".build/debug/hienmau").path

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], in folder: URL, executable: String = CLI.binary) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Starts the binary with every signal at its default disposition; returns its pid.
    static func spawnWithDefaultSignals(_ arguments: [String], stderr: String = "/dev/null") throws -> pid_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigfillset(&defaults)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        var files = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&files)
        defer { posix_spawn_file_actions_destroy(&files) }
        posix_spawn_file_actions_addopen(&files, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&files, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv = ([binary] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, binary, &files, &attributes, argv, environ)
        guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EINVAL) }
        return pid
    }

    static func snapshot(_ folder: URL) -> [String: Data] {
        var out: [String: Data] = [:]
        for path in SiteFiles.walk(folder) {
            out[path] = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path)
        }
        return out
    }

}
