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
                FileHandle.standardError.write(Data((text + (result.language == .vi
                    ? "\(n) lỗi; không ghi gì vào thư mục đầu ra.\n" : "\(n) error(s); nothing was written.\n")).utf8))
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
        Swift.print(result.language == .vi
            ? "Đã tạo \(pages) trang từ \(result.rows) dòng số liệu vào \(output)/ trong \(ms) ms (\(result.diagnostics.warnings.count) cảnh báo)."
            : "Built \(pages) pages from \(result.rows) rows into \(output)/ in \(ms) ms (\(result.diagnostics.warnings.count) warnings).")
    }

    static func fail(_ message: Message, path: String) -> Never {
        FileHandle.standardError.write(Data("\(path): error: \(message.text(.vi))\n\(path): error: \(message.text(.en))\n".utf8))
        exit(1)
    }
}

/// One line that says what a long build is doing. On a terminal it is
/// rewritten in place and cleared at the end; without one (CI, a log file)
/// each stage is a plain line, but only once the build has run for a second,
/// so that quick builds print nothing but their summary.
final class ProgressLine: @unchecked Sendable {
    private let terminal = isatty(STDERR_FILENO) != 0
    private let started = ContinuousClock.now
    private let lock = NSLock()
    private var language: Language = .vi
    private var shown = false

    func setLanguage(_ language: Language) {
        lock.withLock { self.language = language }
    }

    func update(_ message: Message) {
        lock.withLock {
            let text = message.text(language)
            if terminal {
                FileHandle.standardError.write(Data(("\r\u{1B}[2K" + text).utf8))
                shown = true
            } else if (ContinuousClock.now - started).seconds > 1 {
                FileHandle.standardError.write(Data((text + "\n").utf8))
            }
        }
    }

    /// Clears the terminal line before the diagnostics and the summary.
    func finish() {
        lock.withLock {
            if terminal && shown { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
            shown = false
        }
    }
}
