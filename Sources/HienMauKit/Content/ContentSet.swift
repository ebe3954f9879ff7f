import Foundation

/// The parsed write-ups and pages, checked together: unique ids and slugs,
/// covers that exist, figure blocks that make sense.
struct ContentSet {
    /// Every campaign, drafts included (their ids are valid in the CSV).
    var all: [Campaign] = []
    /// The campaigns in this build.
    var published: [Campaign] = []
    var pages: [Page] = []
    /// Ids named by write-ups whose front matter has errors (already reported).
    var failedIDs: Set<String> = []
    /// Figure specs by source path, in block order.
    var specs: [String: [FigureSpec]] = [:]
    var markdown: [String: MarkdownDocument] = [:]
    /// Messages of `parseFrontMatter` about the set as a whole, given out by `parseBodies`.
    var checks = Diagnostics()

    /// Slugs of the generator's own sections, which a page may not take.
    static let reserved: Set<String> = [
        SitePaths.campaignsDir, SitePaths.statsDir, SitePaths.honoursDir, SitePaths.searchDir, "data", "images",
    ]

    var periods: [String: ClosedRange<Day>] {
        var out: [String: ClosedRange<Day>] = [:]
        for campaign in all {
            if let start = campaign.start { out[campaign.id] = start...(campaign.end ?? start) }
        }
        return out
    }

    /// One write-up parsed on its own: front matter, Markdown and figure blocks.
    /// `serve` keeps these between builds and parses again only changed files.
    /// Made in two steps: the front matter first (what the figures need), then
    /// the body, so that the CSV can be read while the bodies are parsed.
    struct ParsedWriteUp: Sendable {
        var text: TextKey
        var settings: Int
        var campaign: Campaign?
        var declaredID: String?
        var document: MarkdownDocument?
        var specs: [FigureSpec]
        var diagnostics: Diagnostics
        /// False until `parseBody` ran.
        var bodyParsed = false

        init(frontMatterOf file: SourceFile, settings: Int) {
            text = TextKey(file.text)
            self.settings = settings
            var local = Diagnostics()
            campaign = Campaign.parse(file, diagnostics: &local)
            declaredID = campaign == nil ? Campaign.declaredID(in: file) : nil
            specs = []
            diagnostics = local
            bodyParsed = campaign == nil
        }

        mutating func parseBody(of file: SourceFile, config: SiteConfig) {
            defer { bodyParsed = true }
            guard !bodyParsed, let campaign else { return }
            let document = Markdown.render(
                campaign.body, unsafeHTML: config.unsafeHTML,
                basePath: config.basePath, firstLine: campaign.bodyFirstLine)
            specs = document.figures.compactMap { FigureSpec.parse($0, file: file, diagnostics: &diagnostics) }
            self.document = document
        }
    }

    /// The front matter of every write-up, and the pages: which campaigns
    /// exist, with ids, periods and targets. The messages wait in `checks`
    /// for `parseBodies`, so that they come out in the order of one pass.
    static func parseFrontMatter(
        _ files: SiteFiles, config: SiteConfig, drafts: Bool, threads: Int,
        cache: inout [String: ParsedWriteUp]
    ) -> ContentSet {
        var set = ContentSet()
        var diagnostics = Diagnostics()
        set.readWriteUps(files, settings: Self.settings(config), threads: threads, cache: &cache)
        set.pages = files.pages.compactMap { Page.parse($0, diagnostics: &diagnostics) }.filter { drafts || !$0.draft }
        set.published = set.all.filter { drafts || !$0.draft }
        set.checkIDs(into: &diagnostics)
        set.checkSlugs(into: &diagnostics)
        set.checkCovers(files, into: &diagnostics)
        set.checks = diagnostics
        return set
    }

    /// Each write-up's front matter on its own (in parallel, unless cached),
    /// then merged in file order into `all` and `failedIDs`.
    private mutating func readWriteUps(
        _ files: SiteFiles, settings: Int, threads: Int,
        cache: inout [String: ParsedWriteUp]
    ) {
        let stale = files.campaigns.filter { file in
            guard let known = cache[file.path] else { return true }
            return known.settings != settings || known.text != TextKey(file.text)
        }
        let fresh = Parallel.map(stale, threads: threads) { ParsedWriteUp(frontMatterOf: $0, settings: settings) }
        for (file, parsed) in zip(stale, fresh) { cache[file.path] = parsed }
        let paths = Set(files.campaigns.map(\.path))
        cache = cache.filter { paths.contains($0.key) }
        for file in files.campaigns {
            guard let parsed = cache[file.path] else { continue }
            if let campaign = parsed.campaign {
                all.append(campaign)
            } else if let id = parsed.declaredID {
                failedIDs.insert(id)
            }
        }
    }

    /// Every campaign id once, drafts included.
    private func checkIDs(into diagnostics: inout Diagnostics) {
        var ids: [String: Campaign] = [:]
        for campaign in all {
            if let first = ids[campaign.id] {
                diagnostics.error(
                    SourceLocation(file: campaign.source.path, line: 1, column: 1),
                    Message(
                        vi: "mã chiến dịch '\(campaign.id)' đã dùng trong \(first.source.path)",
                        en: "campaign id '\(campaign.id)' is already used by \(first.source.path)"))
            } else {
                ids[campaign.id] = campaign
            }
        }
    }

    /// One address per page: no two campaigns or pages share a slug, and no
    /// page takes the slug of one of the site's own sections.
    private func checkSlugs(into diagnostics: inout Diagnostics) {
        var slugs: [String: String] = [:]
        for campaign in published {
            if SitePaths.isYearFolder(campaign.slug) {
                let at = campaign.source.frontMatterValue("slug") ?? campaign.source.frontMatterValue("title") ?? (1, 1)
                diagnostics.error(
                    campaign.source.location(line: at.line, column: at.column),
                    Message(
                        vi: "slug '\(campaign.slug)' là địa chỉ danh sách chiến dịch của một năm",
                        en: "slug '\(campaign.slug)' is the address of a year's list of campaigns"),
                    hint: Message(vi: "đặt 'slug: …' khác", en: "choose another 'slug: …'"),
                    line: campaign.source.line(at.line))
            }
            Self.claim(
                campaign.slug, campaign.source, section: SitePaths.campaignsDir, slugs: &slugs, into: &diagnostics)
        }
        for page in pages {
            if Self.reserved.contains(page.slug) {
                let at = page.source.frontMatterValue("slug") ?? page.source.frontMatterValue("title") ?? (1, 1)
                diagnostics.error(
                    page.source.location(line: at.line, column: at.column),
                    Message(
                        vi: "slug '\(page.slug)' trùng với một mục của trang web",
                        en: "slug '\(page.slug)' is used by the site itself"),
                    hint: Message(vi: "đặt 'slug: …' khác", en: "choose another 'slug: …'"),
                    line: page.source.line(at.line))
            }
            Self.claim(page.slug, page.source, section: "", slugs: &slugs, into: &diagnostics)
        }
    }

    /// Takes `slug` in `section` for `file`, or reports the file that has it already.
    private static func claim(
        _ slug: String, _ file: SourceFile, section: String, slugs: inout [String: String],
        into diagnostics: inout Diagnostics
    ) {
        let key = section + "/" + slug
        guard let first = slugs[key] else {
            slugs[key] = file.path
            return
        }
        // Point at the slug if written, else at the title it was made from.
        let at = file.frontMatterValue("slug") ?? file.frontMatterValue("title") ?? (1, 1)
        diagnostics.error(
            file.location(line: at.line, column: at.column),
            Message(
                vi: "slug '\(slug)' đã được \(first) dùng; hai trang không thể cùng một địa chỉ",
                en: "slug '\(slug)' is already used by \(first); two pages cannot share one address"),
            hint: Message(vi: "đặt 'slug: …' khác cho một trong hai trang", en: "give one of them another 'slug: …'"),
            line: file.line(at.line))
    }

    /// Every campaign's `cover` is an image in the content's `images/`.
    private func checkCovers(_ files: SiteFiles, into diagnostics: inout Diagnostics) {
        let images = Set(files.assets.map(\.path))
        for campaign in all {
            guard let cover = campaign.cover else { continue }
            let resolved = ImagePath.resolve(cover)
            let file = campaign.source
            let at = file.frontMatterValue("cover") ?? (1, 1)
            if let resolved, let refusal = files.refusedAssets["images/" + resolved] {
                diagnostics.error(
                    file.location(line: at.line, column: at.column),
                    Message(
                        vi: "ảnh bìa '\(cover)' không dùng được: \(refusal.vi)",
                        en: "cover '\(cover)' cannot be used: \(refusal.en)"),
                    line: file.line(at.line))
            } else if !(resolved.map { images.contains("images/" + $0) } ?? false) {
                diagnostics.error(
                    file.location(line: at.line, column: at.column),
                    Message(
                        vi: "ảnh bìa '\(cover)' không có trong \(files.contentName)/images/",
                        en: "cover '\(cover)' does not exist in \(files.contentName)/images/"),
                    hint: Message(
                        vi: "đặt ảnh vào \(files.contentName)/images/ và ghi tên tệp, ví dụ 'cover: anh-bia.jpg'",
                        en:
                            "put the image in \(files.contentName)/images/ and give its file name, e.g. 'cover: cover.jpg'"
                    ),
                    line: file.line(at.line))
            }
        }
    }

    /// Markdown and figure blocks of every write-up whose front matter was read.
    mutating func parseBodies(
        _ files: SiteFiles, config: SiteConfig, threads: Int,
        cache: inout [String: ParsedWriteUp], diagnostics: inout Diagnostics
    ) {
        let waiting = files.campaigns.filter { cache[$0.path]?.bodyParsed == false }
        let started = waiting.map { cache[$0.path]! }
        let parsed = Parallel.map(Array(zip(waiting, started)), threads: threads) { file, writeUp -> ParsedWriteUp in
            var writeUp = writeUp
            writeUp.parseBody(of: file, config: config)
            return writeUp
        }
        for (file, writeUp) in zip(waiting, parsed) { cache[file.path] = writeUp }
        for file in files.campaigns {
            guard let writeUp = cache[file.path] else { continue }
            diagnostics.append(contentsOf: writeUp.diagnostics)
            guard writeUp.campaign != nil else { continue }
            specs[file.path] = writeUp.specs
            markdown[file.path] = writeUp.document
        }
        diagnostics.append(contentsOf: checks)
        checks = Diagnostics()
    }

    /// Markdown output depends on these settings; a change parses everything again.
    static func settings(_ config: SiteConfig) -> Int {
        var hasher = Hasher()
        hasher.combine(config.unsafeHTML)
        hasher.combine(config.basePath)
        return hasher.finalize()
    }

    /// Renders the pages' Markdown (the campaigns' was rendered while parsing).
    mutating func renderMarkdown(config: SiteConfig, threads: Int) {
        let documents = Parallel.map(pages, threads: threads) { page in
            Markdown.render(
                page.body, unsafeHTML: config.unsafeHTML, basePath: config.basePath, firstLine: page.bodyFirstLine)
        }
        for (page, document) in zip(pages, documents) { markdown[page.source.path] = document }
    }
}
