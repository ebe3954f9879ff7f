import Foundation
import Testing

/// What the command line says and exits with (runs the built binary):
/// 0 on success, 1 when a build or check finds errors or cannot write, 64
/// when the command line itself is wrong.
@Suite struct CommandLineTests {
    @Test(arguments: [
        ["build", "--bogus"], ["build", "--format", "xml"], ["build", "extra"], ["check", "--strict", "yes"],
        ["new"], ["serve", "--port", "abc"], ["serve", "--port", "70000"], ["frobnicate"],
    ])
    func usageProblemsExitWith64(_ arguments: [String]) throws {
        let site = MiniSite()
        let run = try CLI.run(arguments, in: site.folder.url)
        #expect(run.status == 64, "\(arguments): \(run.stderr)")
        #expect(run.stderr.hasPrefix("Error: "), "\(run.stderr)")
        #expect(run.stderr.contains("Usage: hienmau"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: site.folder.url.appendingPathComponent("public").path))
    }

    @Test func aPortOutOfRangeIsAUsageProblem() throws {
        let site = MiniSite()
        let run = try CLI.run(["serve", "--port", "70000"], in: site.folder.url)
        #expect(run.stderr.hasPrefix("Error: --port must be between 0 and 65535, not 70000.\n"), "\(run.stderr)")
    }

    @Test func successExitsWith0() throws {
        let site = MiniSite()
        let build = try CLI.run(["build"], in: site.folder.url)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(build.stdout.hasPrefix("Đã tạo "), "\(build.stdout)")
        let check = try CLI.run(["check"], in: site.folder.url)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.hasPrefix("Không có lỗi: "), "\(check.stdout)")
        #expect(try CLI.run(["--help"], in: site.folder.url).status == 0)
    }

    @Test func errorsInTheInputExitWith1AfterTheirDiagnostics() throws {
        let site = MiniSite()
        site.write("content/data/donations.csv", MiniSite.header + "hn-2023,2023-08-40,Trụ sở,An,A1,P1,350,O+,,yes\n")
        for command in ["build", "check"] {
            let run = try CLI.run([command], in: site.folder.url)
            #expect(run.status == 1)
            #expect(run.stdout.isEmpty, "\(run.stdout)")
            #expect(run.stderr.hasPrefix("content/data/donations.csv:2:"), "\(run.stderr)")
            #expect(run.stderr.hasSuffix("1 lỗi; không ghi gì vào thư mục đầu ra.\n"), "\(run.stderr)")
        }
        let json = try CLI.run(["check", "--format", "json"], in: site.folder.url)
        #expect(json.status == 1)
        #expect(json.stderr.isEmpty, "\(json.stderr)")
    }

    /// A refused output folder is named in both languages, for build and serve alike.
    @Test(arguments: ["build", "serve"]) func aRefusedOutputFolderExitsWith1(_ command: String) throws {
        let site = MiniSite()
        site.write("notes/important.txt", "do not delete")
        let run = try CLI.run([command, "--output", "notes"], in: site.folder.url)
        let folder = site.folder.url.appendingPathComponent("notes").path
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty, "\(run.stdout)")
        #expect(
            run.stderr == """
                notes: error: thư mục \(folder) có tệp không do hienmau tạo ra (không có .hienmau-output); không ghi đè
                notes: error: folder \(folder) holds files hienmau did not write (no .hienmau-output); refusing to replace it

                """)
    }

    @Test func anOutputThatCannotBeWrittenExitsWith1() throws {
        let site = MiniSite()
        let run = try CLI.run(["build", "--output", "/proc/hienmau-cannot-write"], in: site.folder.url)
        #expect(run.status == 1)
        // In the site's language, with the cause.
        #expect(run.stderr.hasPrefix("/proc/hienmau-cannot-write: lỗi: không tạo được thư mục: "), "\(run.stderr)")
        #expect(run.stderr.hasSuffix("\n") && run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
    }

    @Test func aTitleWithoutASlugExitsWith1() throws {
        let site = MiniSite()
        let run = try CLI.run(["new", "!!!"], in: site.folder.url)
        #expect(run.status == 1)
        #expect(run.stderr == "error: không tạo được slug từ tiêu đề \"!!!\"\n")
    }
}
