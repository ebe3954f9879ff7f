/// Warnings of one kind past the first `limit` are counted, not kept.
///
/// A national archive can hold hundreds of thousands of rows that each earn
/// the same warning (regular donors, a campaign whose period is mistyped);
/// printing them all buries the log and kept half a gigabyte in memory. The
/// first ones show the pattern; one more warning says how many were left out.
/// Errors are not limited, but for a kind one hostile file can hold on
/// every row (`errorSummary`): the build fails either way.
struct WarningLimit {
    static let limit = 100

    private(set) var count = 0
    /// Line of the first warning left out.
    private(set) var firstLeftOut: Int?

    /// True while warnings of this kind are still kept; counts every call.
    mutating func admit(line: Int) -> Bool {
        count += 1
        if count > Self.limit {
            if firstLeftOut == nil { firstLeftOut = line }
            return false
        }
        return true
    }

    /// The closing warning, when some were left out: `what` names the kind in a few words.
    func summary(file: String, what: Message) -> Diagnostic? {
        closing(.warning, words: ("cảnh báo", "warnings"), file: file, what: what)
    }

    /// The closing error for errors of one kind counted past the limit.
    func errorSummary(file: String, what: Message) -> Diagnostic? {
        closing(.error, words: ("lỗi", "errors"), file: file, what: what)
    }

    private func closing(
        _ severity: Diagnostic.Severity, words: (vi: String, en: String), file: String, what: Message
    ) -> Diagnostic? {
        guard let line = firstLeftOut else { return nil }
        let more = count - Self.limit
        return Diagnostic(
            severity, at: SourceLocation(file: file, line: line, column: 1),
            Message(
                vi:
                    "còn \(VietnameseFormat.integer(more)) \(words.vi) khác cùng loại: \(what.vi) (chỉ hiện \(Self.limit) \(words.vi) đầu)",
                en: "\(more) more \(words.en) of this kind: \(what.en) (only the first \(Self.limit) are shown)"))
    }
}
