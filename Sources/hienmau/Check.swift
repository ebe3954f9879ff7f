import ArgumentParser
import Foundation
import HienMauKit

/// `hienmau check`: every stage of a build, writing nothing.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check content, data and templates; write nothing.")
    @OptionGroup var input: InputOptions

    func run() throws {
        let result = Site.generate(input.buildOptions)
        Report.print(result, input: input)
        guard input.accepts(result) else { throw CommandFailure.reported }
        if input.format == .text {
            let pages = result.paths.filter { $0.hasSuffix(".html") }.count
            print(
                result.language == .vi
                    ? "Không có lỗi: \(pages) trang, \(result.rows) dòng số liệu, \(result.diagnostics.warnings.count) cảnh báo."
                    : "No errors: \(pages) pages, \(result.rows) rows, \(result.diagnostics.warnings.count) warnings.")
        }
    }
}
