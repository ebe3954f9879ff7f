import Foundation

/// The parsed write-ups and pages, checked together: unique ids and slugs,
/// covers that exist, figure blocks that make sense.
struct ContentSet {
    /// Every campaign, drafts included (their ids are valid in the CSV).
    var all: [Campaign] = []
    /// The campaigns in this build.
    var published: [Campaign] = []
    var pages: [Page] = []
    /// Figure specs by source path, in block order.
    var specs: [String: [FigureSpec]] = [:]
    var markdown: [String: MarkdownDocument] = [:]

    /// Slugs of the generator's own sections, which a page may not take.
    static let reserved: Set<String> = [SitePaths.campaignsDir, SitePaths.statsDir, SitePaths.honoursDir, "data", "images"]

    var periods: [String: ClosedRange<Day>] {
        var out: [String: ClosedRange<Day>] = [:]
        for campaign in all {
            if let start = campaign.start { out[campaign.id] = start...(campaign.end ?? start) }
        }
        return out
    }

    static func parse(_ files: SiteFiles, config: SiteConfig, drafts: Bool, diagnostics: inout Diagnostics) -> ContentSet {
        var set = ContentSet()
        set.all = files.campaigns.compactMap { Campaign.parse($0, diagnostics: &diagnostics) }
        set.pages = files.pages.compactMap { Page.parse($0, diagnostics: &diagnostics) }.filter { drafts || !$0.draft }
        set.published = set.all.filter { drafts || !$0.draft }

        var ids: [String: Campaign] = [:]
        for campaign in set.all {
            if let first = ids[campaign.id] {
                diagnostics.error(
                    SourceLocation(file: campaign.source.path, line: 1, column: 1),
                    Message(vi: "mã chiến dịch '\(campaign.id)' đã dùng trong \(first.source.path)",
                            en: "campaign id '\(campaign.id)' is already used by \(first.source.path)"))
            } else {
                ids[campaign.id] = campaign
            }
        }
        var slugs: [String: String] = [:]
        func claim(_ slug: String, _ path: String, section: String) {
            let key = section + "/" + slug
            if let first = slugs[key] {
                diagnostics.error(
                    SourceLocation(file: path, line: 1, column: 1),
                    Message(vi: "slug '\(slug)' đã được \(first) dùng; hai trang không thể cùng một địa chỉ",
                            en: "slug '\(slug)' is already used by \(first); two pages cannot share one address"),
                    hint: Message(vi: "đặt 'slug: …' khác cho một trong hai trang", en: "give one of them another 'slug: …'"))
            } else {
                slugs[key] = path
            }
        }
        for campaign in set.published { claim(campaign.slug, campaign.source.path, section: SitePaths.campaignsDir) }
        for page in set.pages {
            if reserved.contains(page.slug) {
                diagnostics.error(
                    SourceLocation(file: page.source.path, line: 1, column: 1),
                    Message(vi: "slug '\(page.slug)' trùng với một mục của trang web", en: "slug '\(page.slug)' is used by the site itself"),
                    hint: Message(vi: "đặt 'slug: …' khác", en: "choose another 'slug: …'"))
            }
            claim(page.slug, page.source.path, section: "")
        }
        let images = Set(files.assets.map(\.path))
        for campaign in set.all {
            guard let cover = campaign.cover else { continue }
            if !images.contains("images/" + CoverPath.normalize(cover)) {
                let file = campaign.source
                let line = file.text.split(separator: "\n", omittingEmptySubsequences: false)
                    .firstIndex(where: { $0.hasPrefix("cover:") }).map { $0 + 1 } ?? 1
                diagnostics.error(
                    file.location(line: line, column: 1),
                    Message(vi: "ảnh bìa '\(cover)' không có trong \(files.contentName)/images/",
                            en: "cover '\(cover)' does not exist in \(files.contentName)/images/"),
                    line: file.line(line))
            }
        }
        // Figure blocks are read now so that their errors come with the others.
        for campaign in set.all {
            let document = Markdown.render(campaign.body, unsafeHTML: config.unsafeHTML, basePath: config.basePath,
                                           firstLine: campaign.bodyFirstLine)
            set.specs[campaign.source.path] = document.figures.compactMap {
                FigureSpec.parse($0, file: campaign.source, diagnostics: &diagnostics)
            }
            set.markdown[campaign.source.path] = document
        }
        return set
    }

    /// Renders the pages' Markdown (the campaigns' was rendered while parsing).
    mutating func renderMarkdown(config: SiteConfig) {
        for page in pages {
            markdown[page.source.path] = Markdown.render(page.body, unsafeHTML: config.unsafeHTML,
                                                         basePath: config.basePath, firstLine: page.bodyFirstLine)
        }
    }
}
