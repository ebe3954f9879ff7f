import Foundation
import HienMauKit

/// Prints diagnostics and summaries for the terminal or CI.
enum Report {
    static func print(_ result: BuildResult, input: InputOptions) {
        let printer = DiagnosticPrinter(language: result.language)
        let sorted = result.diagnostics.sorted
        let text: String
        switch input.format {
        case .text:
            text = sorted.map(printer.format).joined()
            if result.diagnostics.hasErrors {
                let n = result.diagnostics.errorCount
                FileHandle.standardError.write(
                    Data(
                        (text
                            + (result.language == .vi
                                ? "\(n) lỗi; không ghi gì vào thư mục đầu ra.\n"
                                : "\(n) error(s); nothing was written.\n"))
                            .utf8))
                return
            }
        case .github:
            text = sorted.map(printer.formatGitHub).joined()
        case .json:
            text = printer.formatJSON(sorted)
        }
        if input.format == .text {
            FileHandle.standardError.write(Data(text.utf8))
        } else {
            Swift.print(text, terminator: "")
        }
    }

    static func summary(_ result: BuildResult, seconds: Double, output: String) {
        let pages = result.paths.filter { $0.hasSuffix(".html") }.count
        let ms = String(format: "%.0f", seconds * 1000)
        Swift.print(
            result.language == .vi
                ? "Đã tạo \(pages) trang từ \(result.rows) dòng số liệu vào \(output)/ trong \(ms) ms (\(result.diagnostics.warnings.count) cảnh báo)."
                : "Built \(pages) pages from \(result.rows) rows into \(output)/ in \(ms) ms (\(result.diagnostics.warnings.count) warnings)."
        )
    }

    /// `--timings`: each stage, then the write.
    static func timings(_ result: BuildResult, write: Duration) {
        var lines = result.timings.map { String(format: "%-10@ %8.1f ms", $0.stage, $0.seconds * 1000) }
        // The CSV is read while the write-ups are parsed: "aggregate" above is the wait after parsing.
        if let all = result.aggregateSeconds, let index = result.timings.firstIndex(where: { $0.stage == "aggregate" })
        {
            lines[index] += String(format: "  (%.1f ms in all, alongside parse)", all * 1000)
        }
        lines.append(String(format: "%-10@ %8.1f ms", "write", write.seconds * 1000))
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}
