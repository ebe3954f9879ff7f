import Foundation

/// `hienmau new "Title"`: a campaign write-up to start from.
public enum Scaffold {
    public struct Failure: Error {
        public var message: Message
    }

    /// Today in UTC, or `SOURCE_DATE_EPOCH` when set.
    public static func today() -> Day {
        let seconds =
            ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(Int.init)
            ?? Int(Date().timeIntervalSince1970)
        return Day(ordinal: seconds / 86400)
    }

    /// Creates `content/campaigns/<slug>.md`; never overwrites. Returns its path.
    public static func newCampaign(title: String, content: URL, today: Day) throws -> String {
        let slug = Slug.make(title)
        guard !slug.isEmpty else {
            throw Failure(
                message: Message(
                    vi: "không tạo được slug từ tiêu đề \"\(title)\"",
                    en: "no slug can be made from the title \"\(title)\""))
        }
        let folder = content.appendingPathComponent("campaigns")
        let file = folder.appendingPathComponent(slug + ".md")
        let text = """
            ---
            title: "\(title.replacing("\\", with: "\\\\").replacing("\"", with: "\\\""))"
            campaign: \(slug)
            date: \(today.iso)
            start: \(today.iso)
            end: \(today.iso)
            organizer: ""
            location: ""
            target_units: 100
            hospitals: []
            summary: ""
            draft: true
            ---

            Viết phần mở đầu: ai tổ chức, ở đâu, khi nào, vì sao.

            ## Kết quả

            ```stats
            ```

            ```chart
            by: date
            ```

            """
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // O_EXCL: an existing file is never replaced.
        let fd = open(file.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else {
            throw Failure(
                message: Message(
                    vi: "\(file.path) đã có; không ghi đè", en: "\(file.path) already exists; not overwriting"))
        }
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        return "\(content.lastPathComponent)/campaigns/\(slug).md"
    }
}
