import Foundation
import HienMauKit

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
