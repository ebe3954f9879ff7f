import Foundation
import HienMauKit

/// Why a command failed: `HienMau.main` prints `text` on stderr as it is and
/// exits with 1. A build's or check's own problems are printed with its
/// diagnostics (warnings are printed on success too), so they fail `reported`.
struct CommandFailure: Error {
    /// Ready to print, line ends included; empty when everything was said already.
    var text: String

    /// The diagnostics said what is wrong.
    static let reported = CommandFailure(text: "")

    init(text: String) {
        self.text = text
    }

    /// A file or folder that cannot be used, said in Vietnamese and in English.
    init(path: String, _ message: Message) {
        text = "\(path): error: \(message.text(.vi))\n\(path): error: \(message.text(.en))\n"
    }

    /// The output could not be written: the file and the cause in the
    /// site's language, paths under `output` shown as under `name`.
    init(writing error: Error, output: URL, named name: String, language: Language) {
        guard let problem = error as? OutputProblem else {
            text = "\(name): \(language == .vi ? "lỗi" : "error"): \(error.localizedDescription)\n"
            return
        }
        let message = problem.cause.text(language)
        let file = problem.path.replacing(output.path, with: name)
        let kept = language == .vi ? "trang đã xuất bản vẫn giữ nguyên" : "the published site is unchanged"
        text = "\(file): \(language == .vi ? "lỗi" : "error"): \(message); \(kept)\n"
    }
}
