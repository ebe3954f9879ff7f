/// What every render job may read besides its own input: site.yml, the
/// templates, the figures from the CSV and the awards of honours.csv. The
/// session fingerprints it as a whole from where these come from (see
/// `SiteSession`), so that a job's fingerprint is its input's (see `RenderJob`).
struct RenderContext {
    var config: SiteConfig
    var templates: TemplateSet
    var figures: SiteFigures
    var honours: [Honour]
    /// The published images, by their path under `content/images/`.
    var images: [String: PublishedImage] = [:]

    var labels: Labels { Labels(config.language) }
    var paths: SitePaths { SitePaths(base: config.basePath) }

    func meta(
        title: String?, description: String?, link: String, type: String = "website",
        image: String? = nil, imageAlt: String? = nil
    ) -> MetaView {
        MetaView(
            title: title.map { "\($0) – \(config.title)" } ?? config.title,
            description: description ?? config.description, canonical: config.absoluteURL(link),
            ogType: type, ogImage: image.map(config.absoluteURL), ogImageAlt: image == nil ? nil : imageAlt)
    }

    var pictures: PictureHTML { PictureHTML(paths: paths, images: images) }

    func kpis(_ tally: Tally, progress: Double?) -> [KPI] {
        var out = [
            KPI(label: labels.registrations, value: labels.integer(tally.registrations)),
            KPI(label: labels.donations, value: labels.integer(tally.donations)),
            KPI(label: labels.deferred, value: labels.integer(tally.deferred)),
            KPI(label: labels.t("Lượng máu", "Volume"), value: VietnameseFormat.litresLabel(tally.volumeML, labels)),
        ]
        if let progress {
            out.append(KPI(label: labels.t("Đạt chỉ tiêu", "Of target"), value: labels.percent(progress)))
        }
        return out
    }

    /// Renders `view` with template `name`: the template sees the view and nothing else.
    func render(_ view: any TemplateObject, with name: String) -> [UInt8] {
        templates.render(view, with: name)
    }
}

/// Makes the render jobs of the site from the context and the parsed content.
/// Pure: no disk, no clock; the same input gives the same bytes.
struct SiteRenderer {
    var context: RenderContext
    /// Published campaigns, newest first.
    var campaigns: [Campaign]
    var pages: [Page]
    /// Parsed figure specs, by campaign source path, in block order.
    var specs: [String: [FigureSpec]]
    var markdown: [String: MarkdownDocument]

    var config: SiteConfig { context.config }
    var figures: SiteFigures { context.figures }
    var labels: Labels { context.labels }
    var paths: SitePaths { context.paths }

    func siteView(current: String) -> SiteView {
        var menu = [
            MenuItem(title: labels.t("Trang chủ", "Home"), url: paths.home, current: current == paths.home),
            MenuItem(
                title: labels.t("Chiến dịch", "Campaigns"), url: paths.campaigns,
                current: current.utf8.starts(with: paths.campaigns.utf8)),
            MenuItem(title: labels.t("Thống kê", "Statistics"), url: paths.stats, current: current == paths.stats),
            MenuItem(
                title: labels.t("Vinh danh", "Honour roll"), url: paths.honours, current: current == paths.honours),
        ]
        for page in pages {
            menu.append(
                MenuItem(title: page.title, url: paths.page(page.slug), current: current == paths.page(page.slug)))
        }
        return SiteView(
            title: config.title, description: config.description, language: config.language.rawValue,
            home: paths.home, stylesheet: paths.stylesheet, feed: paths.feed, search: paths.search, menu: menu,
            l: LabelTable(config.language))
    }

    func card(_ campaign: Campaign) -> CampaignCard {
        let f = figures.campaign(campaign.id)
        return CampaignCard(
            title: campaign.title, url: paths.campaign(campaign.slug), dateText: labels.date(campaign.date),
            dateISO: campaign.date.iso, summary: campaign.summary, location: campaign.location,
            donationsText: labels.integer(f?.totals.donations ?? 0) + " " + labels.units,
            progressText: f?.progress.map(labels.percent), draft: campaign.draft)
    }

    /// One bar per year of campaign start: readable for two campaigns or ten thousand.
    func trendChart(id: String) -> [UInt8] {
        var byYear: [Int: Int] = [:]
        for campaign in campaigns {
            byYear[(campaign.start ?? campaign.date).year, default: 0] +=
                figures.campaign(campaign.id)?.totals.donations ?? 0
        }
        let items = byYear.keys.sorted().map { (label: String($0), value: byYear[$0]!) }
        let title = labels.t("Số đơn vị máu tiếp nhận theo năm", "Units collected per year")
        let description = items.map { "\($0.label): \(labels.integer($0.value))" }.joined(separator: "; ")
        let chart = Charts(labels: labels).columns(id: id, title: title, description: description, items: items)
        let table = TableHTML.render(
            id: "\(id)-table", caption: title, columns: [labels.t("Năm", "Year"), labels.donations],
            rows: items.map { TableHTML.Row(header: $0.label, cells: [labels.integer($0.value)]) })
        return FigureRenderer(labels: labels, milestones: config.milestones).figure(
            chart, table: table, tableID: "\(id)-table")
    }
}

extension VietnameseFormat {
    static func litresLabel(_ millilitres: Int, _ labels: Labels) -> String {
        let tenths = (millilitres + 50) / 100
        let whole = labels.integer(tenths / 10)
        return whole + (labels.language == .vi ? "," : ".") + String(tenths % 10) + "\u{00A0}" + labels.t("lít", "l")
    }
}
