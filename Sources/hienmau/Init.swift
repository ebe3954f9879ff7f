import ArgumentParser
import Foundation
import HienMauKit

/// `hienmau init [DIR]`: a working site to start from, in an empty or new folder.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new site: content/, an example campaign and records, .gitignore and CI files.")
    @Argument(help: "The folder of the new site (made if missing; must be empty).") var folder = "."

    func run() throws {
        let written: [String]
        do {
            written = try Scaffold.initSite(in: URL(fileURLWithPath: folder), named: folder, version: Version.number)
        } catch {
            throw CommandFailure(text: "error: \(error.message.text(.vi))\nerror: \(error.message.text(.en))\n")
        }
        let here = folder == "." ? "" : "cd \(folder)\n  "
        print(
            """
            Đã tạo trang mới trong \(folder == "." ? "thư mục này" : folder + "/") (a new site):
            \(written.map { "  " + $0 }.joined(separator: "\n"))

            Tiếp theo (next):
              \(here)hienmau build      # tạo trang vào public/ (builds the site into public/)
              hienmau serve      # xem trước tại http://127.0.0.1:8080/ (preview)
            Sửa title và base_url trong content/site.yml; với CI, đặt HIENMAU_URL và HIENMAU_SHA256
            trong .github/workflows/site.yml hoặc .gitlab-ci.yml.
            """)
    }
}
