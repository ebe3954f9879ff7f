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

    /// A file or folder that could not be written.
    init(path: String, _ error: Error) {
        text = "\(path): error: \(error.localizedDescription)\n"
    }
}
