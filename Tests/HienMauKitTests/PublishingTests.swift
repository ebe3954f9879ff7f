import Foundation
import Testing

@testable import HienMauKit

/// Only regular files are published: symbolic links and special files in
/// `content/` and `templates/` are followed only inside their folder and
/// copied as bytes; an output folder that is a link is built through; one
/// build at a time writes an output folder (runs the built binary).
@Suite(.serialized) struct PublishingTests {
    let fm = FileManager.default

    func isLink(_ url: URL) -> Bool {
        var status = stat()
        return lstat(url.path, &status) == 0 && status.st_mode & S_IFMT == S_IFLNK
    }

    @Test func aLinkOutOfTheImagesFolderIsALocatedErrorAndNothingIsWritten() throws {
        let site = MiniSite()
        #expect(try CLI.run(["build"], in: site.folder.url).status == 0)
        let before = CLI.snapshot(site.folder.url.appendingPathComponent("public"))
        try fm.createDirectory(at: site.content.appendingPathComponent("images"), withIntermediateDirectories: true)
        try fm.createSymbolicLink(
            atPath: site.content.appendingPathComponent("images/anh.jpg").path,
            withDestinationPath: "/etc/passwd")
        let build = try CLI.run(["build"], in: site.folder.url)
        #expect(build.status == 1)
        #expect(
            build.stderr.contains(
                """
                content/images/anh.jpg: lỗi: liên kết tượng trưng trỏ ra ngoài content/images (tới /etc/passwd); không xuất bản
                gợi ý: đặt chính tệp vào content/images thay cho liên kết (cp --dereference), hoặc xoá liên kết
                """), "\(build.stderr)")
        #expect(CLI.snapshot(site.folder.url.appendingPathComponent("public")) == before)
    }

    @Test func aLinkToThePrivateRecordsIsRefusedToo() throws {
        let site = MiniSite()
        try fm.createDirectory(
            at: site.templates.appendingPathComponent("static/data"), withIntermediateDirectories: true)
        try fm.createSymbolicLink(
            atPath: site.templates.appendingPathComponent("static/data/all.csv").path,
            withDestinationPath: site.content.appendingPathComponent("data/donations.csv").path)
        let build = try CLI.run(["build"], in: site.folder.url)
        #expect(build.status == 1)
        #expect(
            build.stderr.contains(
                "templates/static/data/all.csv: lỗi: liên kết tượng trưng trỏ ra ngoài templates/static"),
            "\(build.stderr)")
        #expect(!fm.fileExists(atPath: site.folder.url.appendingPathComponent("public/data/all.csv").path))
    }

    @Test func aLinkInsideItsFolderIsPublishedAsTheTargetsBytes() throws {
        let site = MiniSite()
        try fm.createSymbolicLink(
            atPath: site.templates.appendingPathComponent("static/style-copy.css").path,
            withDestinationPath: "style.css")
        #expect(try CLI.run(["build"], in: site.folder.url).status == 0)
        let copy = site.folder.url.appendingPathComponent("public/style-copy.css")
        #expect(!isLink(copy))
        #expect(
            fm.contents(atPath: copy.path)
                == fm.contents(atPath: site.templates.appendingPathComponent("static/style.css").path))
    }

    @Test func aCoverThatIsALinkOutIsALocatedErrorAtTheCoverLine() throws {
        let site = MiniSite()
        try fm.createDirectory(at: site.content.appendingPathComponent("images"), withIntermediateDirectories: true)
        try fm.createSymbolicLink(
            atPath: site.content.appendingPathComponent("images/bia.jpg").path,
            withDestinationPath: "/etc/hostname")
        site.write(
            "content/campaigns/hn.md",
            MiniSite.campaign.replacing("target_units: 10\n", with: "target_units: 10\ncover: bia.jpg\n"))
        let report = site.report()
        #expect(
            report.contains(
                """
                content/campaigns/hn.md:8:8: lỗi: ảnh bìa 'bia.jpg' không dùng được: liên kết tượng trưng trỏ ra ngoài content/images (tới /etc/hostname); không xuất bản
                cover: bia.jpg
                       ^
                """), "\(report)")
    }

    @Test func aFIFOIsRefusedNotWaitedFor() throws {
        let site = MiniSite()
        try fm.createDirectory(at: site.content.appendingPathComponent("images"), withIntermediateDirectories: true)
        #expect(mkfifo(site.content.appendingPathComponent("images/ong.jpg").path, 0o644) == 0)
        let started = ContinuousClock.now
        let build = try CLI.run(["build"], in: site.folder.url)
        #expect(ContinuousClock.now - started < .seconds(30))
        #expect(build.status == 1)
        #expect(
            build.stderr.contains(
                "content/images/ong.jpg: lỗi: không phải tệp thường (FIFO); chỉ tệp thường được xuất bản"),
            "\(build.stderr)")
    }

    @Test func aWriteUpLinkedFromOutsideIsRefused() throws {
        let site = MiniSite()
        site.write("elsewhere.md", MiniSite.campaign)
        try fm.removeItem(at: site.content.appendingPathComponent("campaigns/hn.md"))
        try fm.createSymbolicLink(
            atPath: site.content.appendingPathComponent("campaigns/hn.md").path,
            withDestinationPath: site.folder.url.appendingPathComponent("elsewhere.md").path)
        let report = site.report()
        #expect(
            report.contains("content/campaigns/hn.md: lỗi: liên kết tượng trưng trỏ ra ngoài content/campaigns"),
            "\(report)")
    }

    // MARK: The output folder

    @Test func anOutputFolderThatIsALinkIsBuiltThroughAndStaysALink() throws {
        let site = MiniSite()
        let webroot = site.folder.url.appendingPathComponent("webroot")
        try fm.createDirectory(at: webroot, withIntermediateDirectories: true)
        let output = site.folder.url.appendingPathComponent("public")
        try fm.createSymbolicLink(atPath: output.path, withDestinationPath: "webroot")
        #expect(try CLI.run(["build"], in: site.folder.url).status == 0)
        site.write("content/pages/gioi-thieu.md", "---\ntitle: \"Giới thiệu mới\"\n---\n\nx\n")
        let second = try CLI.run(["build"], in: site.folder.url)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(isLink(output))
        #expect(fm.fileExists(atPath: webroot.appendingPathComponent(OutputGuard.markerName).path))
        let page = try String(contentsOf: webroot.appendingPathComponent("gioi-thieu-moi/index.html"), encoding: .utf8)
        #expect(page.contains("Giới thiệu mới"))
    }

    @Test func anOutputLinkToNothingIsRefusedWithAClearMessage() throws {
        let site = MiniSite()
        try fm.createSymbolicLink(
            atPath: site.folder.url.appendingPathComponent("public").path, withDestinationPath: "khong-co")
        let build = try CLI.run(["build"], in: site.folder.url)
        #expect(build.status == 1)
        #expect(
            build.stderr.contains(
                "public: error: public là liên kết tượng trưng tới khong-co, nơi không có thư mục nào"),
            "\(build.stderr)")
        #expect(isLink(site.folder.url.appendingPathComponent("public")))
    }

    // MARK: One build at a time

    @Test func aSecondBuildFailsNamingTheOneThatHoldsTheOutput() throws {
        let site = MiniSite()
        let lock = site.folder.url.appendingPathComponent(".public.hienmau-lock")
        let fd = open(lock.path, O_RDWR | O_CREAT, 0o644)
        #expect(fd >= 0)
        #expect(flock(fd, LOCK_EX) == 0)
        _ = "4242 hienmau serve\n".withCString { write(fd, $0, strlen($0)) }
        let build = try CLI.run(["build"], in: site.folder.url)
        #expect(build.status == 1)
        #expect(
            build.stderr.contains(
                "public: error: một lần chạy hienmau khác (pid 4242, hienmau serve) đang ghi vào public"),
            "\(build.stderr)")
        #expect(!fm.fileExists(atPath: site.folder.url.appendingPathComponent("public").path))
        close(fd)
        #expect(try CLI.run(["build"], in: site.folder.url).status == 0)
    }

    @Test func twoBuildsAtOnceNeverDeleteEachOthersStagingFolder() throws {
        let folder = TempFolder()
        _ = folder.copySampleSite()
        #expect(try CLI.run(["build"], in: folder.url).status == 0)
        for _ in 0..<4 {
            let runs = try (0..<3).map { _ in try Self.start(["build"], in: folder.url) }
            let results = runs.map { Self.finish($0) }
            // Each one either built or said who was building; none failed otherwise.
            for result in results {
                #expect(result.status == 0 || result.stderr.contains("đang ghi vào public"), "\(result.stderr)")
            }
            #expect(results.contains { $0.status == 0 })
            let names = try fm.contentsOfDirectory(atPath: folder.url.path).filter {
                $0.contains("staging") || $0.contains("-old-")
            }
            #expect(names.isEmpty, "\(names)")
        }
    }

    @Test func aDeadBuildsStagingFolderIsStillRemoved() throws {
        let site = MiniSite()
        let leftover = site.folder.url.appendingPathComponent(".public.hienmau-staging-999999")
        try fm.createDirectory(at: leftover, withIntermediateDirectories: true)
        #expect(try CLI.run(["build"], in: site.folder.url).status == 0)
        #expect(!fm.fileExists(atPath: leftover.path))
    }

    static func start(_ arguments: [String], in folder: URL) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        return (process, err)
    }

    static func finish(_ run: (Process, Pipe)) -> CLI.Run {
        let stderr = run.1.fileHandleForReading.readDataToEndOfFile()
        run.0.waitUntilExit()
        return CLI.Run(status: run.0.terminationStatus, stdout: "", stderr: String(decoding: stderr, as: UTF8.self))
    }
}
