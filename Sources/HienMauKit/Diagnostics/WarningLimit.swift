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
        guard let line = firstLeftOut else { return nil }
        let more = count - Self.limit
        return Diagnostic(
            .warning, at: SourceLocation(file: file, line: line, column: 1),
            Message(
                vi:
                    "còn \(VietnameseFormat.integer(more)) cảnh báo khác cùng loại: \(what.vi) (chỉ hiện \(Self.limit) cảnh báo đầu)",
                en: "\(more) more warnings of this kind: \(what.en) (only the first \(Self.limit) are shown)"))
    }

    /// The closing error for errors of one kind counted past the limit.
    func errorSummary(file: String, what: Message) -> Diagnostic? {
        guard let line = firstLeftOut else { return nil }
        let more = count - Self.limit
        return Diagnostic(
            .error, at: SourceLocation(file: file, line: line, column: 1),
            Message(
                vi:
                    "còn \(VietnameseFormat.integer(more)) lỗi khác cùng loại: \(what.vi) (chỉ hiện \(Self.limit) lỗi đầu)",
                en: "\(more) more errors of this kind: \(what.en) (only the first \(Self.limit) are shown)"))
    }
}
