/// One campaign write-up from `content/campaigns/*.md`.
public struct Campaign: Sendable {
    public var id: String
    public var title: String
    public var date: Day
    public var start: Day?
    public var end: Day?
    public var organizer: String?
    public var location: String?
    public var targetUnits: Int?
    public var hospitals: [String]
    public var summary: String?
    public var cover: String?
    /// What the cover shows, for readers who cannot see it; empty: the cover is decoration.
    public var coverAlt: String?
    /// Shown under the cover (who took it, what it shows).
    public var coverCaption: String?
    public var slug: String
    public var draft: Bool
    public var body: String
    /// Where the body starts in the file, so that Markdown positions map back to it.
    public var bodyFirstLine: Int
    public var source: SourceFile

    static let knownKeys = [
        "title", "campaign", "date", "start", "end", "organizer", "location", "target_units",
        "hospitals", "summary", "cover", "cover_alt", "cover_caption", "slug", "draft",
    ]

    /// Chronological order for lifetime counts and lists: start (or date), then id.
    public var sortKey: (Day, String) { (start ?? date, id) }

    /// The `campaign:` value read line by line, for a write-up whose front matter
    /// failed: its CSV rows are then not reported as belonging to no write-up.
    static func declaredID(in file: SourceFile) -> String? {
        guard let at = file.frontMatterValue("campaign"), let line = file.line(at.line) else { return nil }
        let value = line.dropFirst(at.column - 1).trimmed.trimmingCharacters(in: ["\"", "'"])
        return value.isEmpty ? nil : value
    }

    public static func parse(_ file: SourceFile, diagnostics: inout Diagnostics) -> Campaign? {
        guard let matter = FrontMatter.parse(file, diagnostics: &diagnostics) else { return nil }
        let reader = FieldReader(matter: matter, file: file)
        reader.warnUnknownKeys(known: knownKeys, into: &diagnostics)
        let before = diagnostics.errorCount

        let title = reader.string("title", required: true, into: &diagnostics)
        let id = reader.string("campaign", required: true, into: &diagnostics)?.trimmed
        let date = reader.day("date", required: true, into: &diagnostics)
        let start = reader.day("start", into: &diagnostics)
        let end = reader.day("end", into: &diagnostics)
        if let start, let end, end < start {
            reader.error(
                reader.node("end"),
                Message(
                    vi: "ngày kết thúc \(end.iso) trước ngày bắt đầu \(start.iso)",
                    en: "end \(end.iso) is before start \(start.iso)"), into: &diagnostics)
        }
        let target = reader.int("target_units", into: &diagnostics)
        if let target, target <= 0 {
            reader.error(
                reader.node("target_units"),
                Message(
                    vi: "target_units phải lớn hơn 0", en: "target_units must be greater than 0"), into: &diagnostics)
        }
        let slug = PageSlug.read(reader, title: title, into: &diagnostics)
        let campaign = Campaign(
            id: id ?? "", title: title ?? "", date: date ?? Day(ordinal: 0), start: start, end: end,
            organizer: reader.string("organizer", into: &diagnostics),
            location: reader.string("location", into: &diagnostics),
            targetUnits: target, hospitals: reader.strings("hospitals", into: &diagnostics),
            summary: reader.string("summary", into: &diagnostics),
            cover: reader.string("cover", into: &diagnostics)?.trimmed,
            coverAlt: reader.string("cover_alt", into: &diagnostics)?.trimmed,
            coverCaption: reader.string("cover_caption", into: &diagnostics)?.trimmed,
            slug: slug ?? "", draft: reader.bool("draft", into: &diagnostics) ?? false,
            body: matter.body, bodyFirstLine: matter.bodyFirstLine, source: file)
        return diagnostics.errorCount == before ? campaign : nil
    }
}

/// One page from `content/pages/*.md`.
public struct Page: Sendable {
    public var title: String
    public var slug: String
    public var summary: String?
    /// Not in DESIGN's list for pages; accepted because the corpus tools write it, used for the sitemap.
    public var date: Day?
    public var draft: Bool
    public var body: String
    public var bodyFirstLine: Int
    public var source: SourceFile

    static let knownKeys = ["title", "slug", "summary", "draft", "date"]

    public static func parse(_ file: SourceFile, diagnostics: inout Diagnostics) -> Page? {
        guard let matter = FrontMatter.parse(file, diagnostics: &diagnostics) else { return nil }
        let reader = FieldReader(matter: matter, file: file)
        reader.warnUnknownKeys(known: knownKeys, into: &diagnostics)
        let before = diagnostics.errorCount
        let title = reader.string("title", required: true, into: &diagnostics)
        let slug = PageSlug.read(reader, title: title, into: &diagnostics)
        let page = Page(
            title: title ?? "", slug: slug ?? "", summary: reader.string("summary", into: &diagnostics),
            date: reader.day("date", into: &diagnostics), draft: reader.bool("draft", into: &diagnostics) ?? false,
            body: matter.body, bodyFirstLine: matter.bodyFirstLine, source: file)
        return diagnostics.errorCount == before ? page : nil
    }
}

enum PageSlug {
    /// The slug written in front matter, checked, or the one made from the title.
    static func read(_ reader: FieldReader, title: String?, into diagnostics: inout Diagnostics) -> String? {
        if let written = reader.string("slug", into: &diagnostics)?.trimmed {
            if let problem = Slug.problem(with: written) {
                // A slug refused only for its characters gets the one made from it as advice.
                let advice =
                    written.contains(where: { $0.isWhitespace || "/\\".contains($0) }) ? nil : Slug.advice(for: written)
                reader.error(reader.node("slug"), problem, hint: advice, into: &diagnostics)
                return nil
            }
            return written
        }
        guard let title else { return nil }
        let slug = Slug.make(title)
        if slug.isEmpty {
            reader.error(
                reader.node("title"),
                Message(
                    vi: "không tạo được slug từ tiêu đề \"\(title)\"",
                    en: "no slug can be made from the title \"\(title)\""),
                hint: Message(vi: "thêm 'slug: …' vào phần đầu", en: "add 'slug: …' to the front matter"),
                into: &diagnostics)
            return nil
        }
        return slug
    }
}
