import Foundation
import Testing

@testable import HienMauKit

/// `hienmau init`: a starter site that builds at once, with no warning and no templates.
@Suite struct InitTests {
    /// A starter site in a temporary folder, removed with the value.
    final class Starter {
        let temp = TempFolder()
        var folder: URL { temp.url.appendingPathComponent("site") }
    }

    func initialised() throws -> Starter {
        let starter = Starter()
        _ = try Scaffold.initSite(in: starter.folder, named: "site", version: "9.9.9")
        return starter
    }

    @Test func theStarterSiteBuildsWithNoWarning() throws {
        let starter = try initialised(), folder = starter.folder
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("templates").path))
        let result = Site.generate(
            BuildOptions(
                content: folder.appendingPathComponent("content"),
                templates: folder.appendingPathComponent("templates")))
        #expect(result.succeeded)
        #expect(result.diagnostics.items.isEmpty, "\(DiagnosticPrinter(language: .vi).format(result.diagnostics))")
        #expect(result.rows == 8)
        let paths = Set(result.files.map(\.path))
        for path in [
            "index.html", "chien-dich/ngay-hoi-hien-mau-mua-xuan-2025/index.html", "gioi-thieu/index.html",
            "vinh-danh/index.html", "style.css", "search.js",
        ] {
            #expect(paths.contains(path), "\(path)")
        }
        let roll = String(decoding: result.files.first { $0.path == "vinh-danh/index.html" }!.bytes, as: UTF8.self)
        #expect(roll.contains("Hoàng Văn Em") && roll.contains("Nguyễn Văn An"), "donors past a milestone are named")
    }

    /// site.yml shows every key the code reads, each under a comment that explains it.
    @Test func siteYmlShowsEveryKey() throws {
        let starter = try initialised(), folder = starter.folder
        let text = try String(contentsOf: folder.appendingPathComponent("content/site.yml"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for key in SiteConfig.knownKeys {
            let index = try #require(lines.firstIndex { $0.hasPrefix(key + ":") }, "no `\(key):` line")
            #expect(index > 0 && lines[index - 1].hasPrefix("# "), "`\(key)` has no comment above it")
        }
    }

    /// The records use the Vietnamese headers of every column.
    @Test func theRecordsHaveVietnameseHeadersForEveryColumn() throws {
        let starter = try initialised(), folder = starter.folder
        let csv = try String(contentsOf: folder.appendingPathComponent("content/data/donations.csv"), encoding: .utf8)
        let header = csv.split(separator: "\n")[0].split(separator: ",").map(String.init)
        #expect(header.map { DonationColumn.matching(header: $0, mapping: [:]) } == DonationColumn.allCases.map { $0 })
        #expect(header.allSatisfy { $0.unicodeScalars.contains { !$0.isASCII } || $0.contains(" ") })
    }

    @Test func theCIFilesNameThisRelease() throws {
        let starter = try initialised(), folder = starter.folder
        for path in [".github/workflows/site.yml", ".gitlab-ci.yml"] {
            let text = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
            #expect(text.contains("hienmau-9.9.9-linux-x86_64.tar.gz"), "\(path)")
            #expect(!text.contains(StarterSite.versionMark), "\(path)")
        }
        let ignore = try String(contentsOf: folder.appendingPathComponent(".gitignore"), encoding: .utf8)
        #expect(ignore == "public/\n.hienmau-cache/\n")
        var isFolder: ObjCBool = false
        #expect(
            FileManager.default.fileExists(
                atPath: folder.appendingPathComponent("content/images").path,
                isDirectory: &isFolder) && isFolder.boolValue)
    }

    /// A folder with content is refused and left as it was; hidden entries (a repository) are not content.
    @Test func refusesAFolderWithContent() throws {
        let temp = TempFolder()
        temp.write("notes.txt", "x")
        do {
            _ = try Scaffold.initSite(in: temp.url, named: "here", version: "1")
            Issue.record("init wrote into a folder with content")
        } catch {
            #expect(
                error.message.en
                    == "folder here is not empty (notes.txt); hienmau init makes a site only in an empty or new folder")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: temp.url.path) == ["notes.txt"])
    }

    @Test func aRepositoryKeepsItsGitignoreWithTheLinesAdded() throws {
        let temp = TempFolder()
        temp.write(".git/HEAD", "ref: refs/heads/main\n")
        temp.write(".gitignore", "*.tmp\npublic/")
        let written = try Scaffold.initSite(in: temp.url, named: ".", version: "1")
        #expect(written.contains(".gitignore") && written.contains("content/site.yml"))
        let ignore = try String(contentsOf: temp.url.appendingPathComponent(".gitignore"), encoding: .utf8)
        #expect(ignore == "*.tmp\npublic/\n.hienmau-cache/\n")
        // A starter file already there (a workflow of the same name) stops init before it writes anything.
        let other = TempFolder()
        other.write(".github/workflows/site.yml", "name: mine\n")
        #expect(throws: Scaffold.Failure.self) { try Scaffold.initSite(in: other.url, named: ".", version: "1") }
        #expect(!FileManager.default.fileExists(atPath: other.url.appendingPathComponent("content").path))
    }
}
