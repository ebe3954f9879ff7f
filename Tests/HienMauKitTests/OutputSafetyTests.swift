import Foundation
import Testing

@testable import HienMauKit

/// A failed, strict or interrupted build never changes the published site and
/// leaves no temporary folders beside it (runs the built binary).
@Suite(.serialized) struct OutputSafetyTests {
    /// The folder holds only what the user made, plus the site.
    func expectNoLeftovers(_ folder: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        // The image cache beside the content folder is kept on purpose (a site with photos has one).
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter {
            $0 != ".hienmau-cache"
        }
        #expect(names.sorted() == ["content", "public", "templates"], sourceLocation: sourceLocation)
    }

    static let breakages: [(String, String, String)] = [
        (
            "front matter", "content/campaigns/hn.md",
            "---\ntitle: \"Giọt máu\ncampaign: hn-2023\ndate: 2023-08-05\n---\nx\n"
        ),
        ("template", "templates/page.mustache", "{{<layout}}{{$main}}{{#x}}{{/y}}{{/main}}{{/layout}}\n"),
        (
            "unterminated quote", "content/data/donations.csv",
            MiniSite.header + "hn-2023,2023-08-04,\"Trụ sở,An,,,350,,,\n"
        ),
        ("missing column", "content/data/donations.csv", "campaign,date,site,donor\nhn-2023,2023-08-04,Trụ sở,An\n"),
        ("site.yml", "content/site.yml", "title: [\n"),
    ]

    @Test(arguments: breakages.indices) func badInputFailsBothCommandsAndKeepsTheSite(_ index: Int) throws {
        let (_, file, text) = Self.breakages[index]
        let site = MiniSite()
        #expect(try CLI.run(["build"], in: site.folder.url).status == 0)
        let before = CLI.snapshot(site.folder.url.appendingPathComponent("public"))
        site.write(file, text)
        let check = try CLI.run(["check"], in: site.folder.url)
        let build = try CLI.run(["build"], in: site.folder.url)
        #expect(check.status == 1)
        #expect(build.status == 1)
        #expect(build.stderr.contains("lỗi:"), "\(build.stderr)")
        #expect(build.stderr.hasSuffix("1 lỗi; không ghi gì vào thư mục đầu ra.\n"), "\(build.stderr)")
        #expect(CLI.snapshot(site.folder.url.appendingPathComponent("public")) == before)
        expectNoLeftovers(site.folder.url)
    }

    @Test func warningsPassUnlessStrict() throws {
        let site = MiniSite()
        site.write("content/data/donations.csv", MiniSite.header + "hn-2023,2023-09-04,Trụ sở,An,A1,P1,350,O+,,yes\n")
        let build = try CLI.run(["build"], in: site.folder.url)
        #expect(build.status == 0)
        #expect(
            build.stderr.contains("content/data/donations.csv:2:9: cảnh báo: ngày 4/9/2023 nằm ngoài"),
            "\(build.stderr)")
        let before = CLI.snapshot(site.folder.url.appendingPathComponent("public"))
        site.write("content/pages/gioi-thieu.md", "---\ntitle: \"Giới thiệu mới\"\n---\n\nx\n")
        #expect(try CLI.run(["check", "--strict"], in: site.folder.url).status == 1)
        #expect(try CLI.run(["build", "--strict"], in: site.folder.url).status == 1)
        #expect(CLI.snapshot(site.folder.url.appendingPathComponent("public")) == before)
        #expect(try CLI.run(["check"], in: site.folder.url).status == 0)
    }

    /// Kills builds at spread-out moments: whatever the moment, `public/` is the
    /// old site or the whole new one, never a mix, and nothing is left beside it.
    @Test func killedBuildsLeaveTheOldSiteOrTheNewOne() throws {
        let old = TempFolder(), new = TempFolder()
        let (oldContent, _) = old.copySampleSite()
        _ = new.copySampleSite()
        #expect(try CLI.run(["build"], in: old.url).status == 0)
        let page = "pages/gioi-thieu.md"
        let text = try String(contentsOf: oldContent.appendingPathComponent(page), encoding: .utf8)
        let changed = text.replacing("title: \"Giới thiệu\"", with: "title: \"Giới thiệu chương trình\"")
        #expect(changed != text)
        new.write("content/" + page, changed)
        let started = Date()
        #expect(try CLI.run(["build"], in: new.url).status == 0)
        let duration = Date().timeIntervalSince(started)
        let oldSite = CLI.snapshot(old.url.appendingPathComponent("public"))
        let newSite = CLI.snapshot(new.url.appendingPathComponent("public"))
        #expect(oldSite != newSite)

        old.write("content/" + page, changed)
        var outcomes: [String] = []
        // Spread over one build's time, densest near its end, where the files are written.
        let fractions = [0.05, 0.5, 0.8, 0.86, 0.9, 0.93, 0.95, 0.97, 0.99, 1.01, 1.05, 1.3]
        for (n, delay) in fractions.map({ $0 * duration }).enumerated() {
            // Spawned with SIGTERM and SIGINT at their defaults: the test runner
            // ignores them, and Foundation's Process would pass that on.
            let pid = try CLI.spawnWithDefaultSignals(
                [
                    "build", "--content", old.url.appendingPathComponent("content").path,
                    "--templates", old.url.appendingPathComponent("templates").path,
                    "--output", old.url.appendingPathComponent("public").path,
                ])
            Thread.sleep(forTimeInterval: delay)
            let signal = n % 2 == 0 ? SIGTERM : SIGKILL
            kill(pid, signal)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            let now = CLI.snapshot(old.url.appendingPathComponent("public"))
            #expect(now == oldSite || now == newSite, "after \(delay) s and signal \(signal)")
            outcomes.append((now == newSite ? "new" : "old") + "/\(status)")
            // SIGTERM: this build's staging folder is gone (an earlier SIGKILL's may remain until the next write).
            if signal == SIGTERM {
                #expect(
                    !FileManager.default.fileExists(
                        atPath: old.url.appendingPathComponent(".public.hienmau-staging-\(pid)").path))
            }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: old.url.path)) ?? []
            if names.contains(where: { $0.contains("hienmau-staging") }) {
                outcomes[outcomes.count - 1] += "/mid-write"
            }
        }
        // A SIGKILL cannot clean up; the next build does.
        #expect(try CLI.run(["build"], in: old.url).status == 0)
        #expect(CLI.snapshot(old.url.appendingPathComponent("public")) == newSite)
        expectNoLeftovers(old.url)
        print("kill test outcomes by delay: \(outcomes)")
    }

    /// A signal while the page folders are only being prepared, the CSV still
    /// being read, ends the build at once: nothing is reported, the staging
    /// folder is gone and the site is as it was.
    @Test func aSignalWhileFoldersArePreparedEndsTheBuildAtOnce() throws {
        let site = MiniSite()
        let output = site.folder.url.appendingPathComponent("public")
        #expect(try CLI.run(["build"], in: site.folder.url).status == 0)
        let before = CLI.snapshot(output)
        // A long read; its rows warn (the same donor twice a day), so a build that ran on to its report would say so.
        let row = "hn-2023,2023-08-04,Trụ sở,Nguyễn Văn An,A1,Phòng 1,350,O+,,yes\n"
        site.write("content/data/donations.csv", MiniSite.header + String(repeating: row, count: 300_000))
        let log = site.folder.url.appendingPathComponent("stderr.txt").path
        let pid = try CLI.spawnWithDefaultSignals(
            ["build", "--content", site.content.path, "--templates", site.templates.path, "--output", output.path],
            stderr: log)
        let prepared = site.folder.url.appendingPathComponent(".public.hienmau-staging-\(pid)/chien-dich").path
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: prepared) && Date() < deadline { usleep(500) }
        #expect(FileManager.default.fileExists(atPath: prepared))
        kill(pid, SIGTERM)
        // The test runner's Foundation may reap the child first, so its status is not asked for.
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        let ended = Date().addingTimeInterval(60)
        while kill(pid, 0) == 0 && Date() < ended { usleep(1000) }
        let said = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        #expect(!said.contains("cảnh báo") && !said.contains("Đã tạo"), "\(said)")
        try FileManager.default.removeItem(atPath: log)
        #expect(!FileManager.default.fileExists(atPath: prepared))
        #expect(CLI.snapshot(output) == before)
        expectNoLeftovers(site.folder.url)
    }
}

/// `check --format github` and `--format json`, as CI reads them.
@Suite struct CIFormatTests {
    func site() -> MiniSite {
        let site = MiniSite()
        site.write(
            "content/data/donations.csv",
            MiniSite.header
                + "hn-2023,2023-08-04,Trụ sở,An,A1,P1,3500,O+,,yes\n"
                + "hn-2023,2023-09-04,Trụ sở,Bình,B1,P1,350,O+,,yes\n")
        return site
    }

    @Test func githubAnnotations() throws {
        let site = site()
        let run = try CLI.run(["check", "--format", "github"], in: site.folder.url)
        #expect(run.status == 1)
        #expect(
            run.stdout == """
                ::error file=content/data/donations.csv,line=2,col=36::volume_ml "3500" không phải 0, 250, 350 hay 450 (để 0 hoặc trống cho người đăng ký nhưng chưa hiến được)
                ::warning file=content/data/donations.csv,line=3,col=9::ngày 4/9/2023 nằm ngoài thời gian chiến dịch hn-2023 (4/8/2023 – 20/8/2023)

                """)
    }

    @Test func jsonDiagnostics() throws {
        let site = site()
        let run = try CLI.run(["check", "--format", "json"], in: site.folder.url)
        #expect(run.status == 1)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(items.count == 2)
        #expect(items[0]["severity"] as? String == "error")
        #expect(items[0]["file"] as? String == "content/data/donations.csv")
        #expect(items[0]["line"] as? Int == 2)
        #expect(items[0]["column"] as? Int == 36)
        #expect(items[0]["message"] as? String == "volume_ml \"3500\" không phải 0, 250, 350 hay 450")
        #expect(items[0]["hint"] as? String == "để 0 hoặc trống cho người đăng ký nhưng chưa hiến được")
        #expect(items[1]["severity"] as? String == "warning")
        #expect(items[1]["hint"] is NSNull)
    }
}

/// Page folders are spread over ext4's block groups (`FolderHint`). Where the
/// file system keeps no such flag there is nothing to check.
@Suite struct FolderHintTests {
    static let topDirectory: Int32 = 0x0002_0000

    static func flags(_ path: String) -> Int32? {
        let fd = open(path, O_RDONLY | O_DIRECTORY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var flags: Int32 = 0
        return ioctl(fd, UInt(0x8008_6601), &flags) == 0 ? flags : nil
    }

    static var keepsTheFlag: Bool {
        let scratch = TempFolder()
        FolderHint.spreadSubfolders(of: scratch.url.path)
        return Self.flags(scratch.url.path).map { $0 & Self.topDirectory != 0 } == true
    }

    @Test func oneFolderInEveryFewIsSpreadAndTheHintIsNotLeftBehind() throws {
        guard Self.keepsTheFlag else { return }
        let scratch = TempFolder()
        let site = try StagedSite(writer: OutputWriter(output: scratch.url.appendingPathComponent("public")))
        let pages = 2 * FolderHint.every + 1
        site.write((0..<pages).map { OutputFile(path: "chien-dich/trang-\($0)/index.html", contents: "<p>\($0)</p>") })
        // The first page folder, then one in `every`.
        #expect(site.spreadFolders == 3)
        try site.commit(assets: [])
        let output = scratch.url.appendingPathComponent("public").path
        // The site's own folder spreads its few top-level folders for good;
        // below it, the hint is held only while one folder is made.
        #expect(Self.flags(output).map { $0 & Self.topDirectory != 0 } == true)
        #expect(Self.flags(output + "/chien-dich").map { $0 & Self.topDirectory } == 0)
        for page in 0..<pages {
            #expect(Self.flags(output + "/chien-dich/trang-\(page)").map { $0 & Self.topDirectory } == 0, "\(page)")
        }
        #expect(
            FileManager.default.contents(atPath: output + "/chien-dich/trang-9/index.html") == Data("<p>9</p>".utf8))
    }

    @Test func aBuiltSiteKeepsTheHintOnlyOnItsOwnFolder() throws {
        guard Self.keepsTheFlag else { return }
        let site = MiniSite()
        #expect(try CLI.run(["build"], in: site.folder.url).status == 0)
        let output = site.folder.url.appendingPathComponent("public").path
        #expect(Self.flags(output).map { $0 & Self.topDirectory != 0 } == true)
        for folder in ["chien-dich", "vinh-danh", "data"] {
            #expect(Self.flags(output + "/" + folder).map { $0 & Self.topDirectory } == 0, "\(folder)")
        }
        let pages = try FileManager.default.contentsOfDirectory(atPath: output + "/chien-dich").filter {
            !$0.hasSuffix(".html")
        }
        #expect(!pages.isEmpty)
        for page in pages {
            #expect(Self.flags(output + "/chien-dich/" + page).map { $0 & Self.topDirectory } == 0, "\(page)")
        }
    }
}

/// Files in the staging folder are written without truncating on open.
@Suite struct FreshFileTests {
    @Test func writingFreshMakesTheFileHoldExactlyTheBytes() throws {
        let scratch = TempFolder()
        let path = scratch.url.appendingPathComponent("index.html").path
        // Absent, then empty (as `prepare` leaves it), then longer than the new bytes.
        try PlainFile.writeFresh(Array("<p>một</p>".utf8), to: path)
        #expect(FileManager.default.contents(atPath: path) == Data("<p>một</p>".utf8))
        try PlainFile.writeFresh([], to: path)
        #expect(FileManager.default.contents(atPath: path) == Data())
        try PlainFile.writeFresh(Array("<p>một trang dài hơn</p>".utf8), to: path)
        try PlainFile.writeFresh(Array("<p>ngắn</p>".utf8), to: path)
        #expect(FileManager.default.contents(atPath: path) == Data("<p>ngắn</p>".utf8))
    }
}
