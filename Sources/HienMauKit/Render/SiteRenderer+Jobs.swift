extension SiteRenderer {
    /// The jobs that make the site, each with its input (see `RenderJob`).
    /// The jobs that cover every campaign come first, so that the last ones
    /// to finish are small pages and both cores stay busy to the end.
    func jobs() -> [RenderJob] {
        var jobs = dataFileJobs()
        jobs.append(page(paths.search, template: "search", searchView))
        jobs += campaignListJobs()
        let groupSizes = Dictionary(grouping: figures.honourRoll, by: \.milestone).mapValues(\.count)
        for number in 1...context.honourPageCount {
            let input = {
                HonoursPageInput(site: siteView(current: paths.honours), number: number, groupSizes: groupSizes)
            }
            jobs.append(page(paths.honours(page: number), input: input) { $0.honoursPage($1) })
        }
        jobs.append(page(paths.stats, template: "stats", statsView))
        jobs.append(page(paths.home, template: "home", homeView))
        for campaign in campaigns {
            let link = paths.campaign(campaign.slug)
            let input = { CampaignPageInput(site: siteView(current: link), writeUp: writeUp(campaign)) }
            jobs.append(page(link, input: input) { $0.campaignPage($1) })
        }
        for item in pages { jobs.append(page(paths.page(item.slug), template: "page") { pageView(item) }) }
        jobs.append(file("404.html", input: notFoundView) { $0.render($1, with: "404") })
        return jobs
    }

    func writeUp(_ campaign: Campaign) -> CampaignWriteUp {
        CampaignWriteUp(
            campaign: campaign,
            document: markdown[campaign.source.path] ?? MarkdownDocument(html: "", figures: []),
            specs: specs[campaign.source.path] ?? [])
    }

    /// A page made by the context from `input` alone.
    func page<Input: Hashable>(
        _ link: String, input: @escaping () -> Input,
        _ render: @escaping (RenderContext, Input) -> [UInt8]
    ) -> RenderJob {
        file(paths.file(for: link), input: input, render)
    }

    /// A page rendered with `template` from its view model.
    func page<View: TemplateObject & Hashable>(_ link: String, template: String, _ view: @escaping () -> View)
        -> RenderJob
    {
        page(link, input: view) { $0.render($1, with: template) }
    }

    /// The data files: the campaigns' without their bodies, the honour
    /// roll's from the context alone, the feed and sitemap from their entries.
    func dataFileJobs() -> [RenderJob] {
        let listing = Listing(campaigns)
        var jobs = [
            file("data/campaigns.json", input: { listing }, { $0.exports($1.campaigns).campaignsJSON() }),
            file(
                "data/honour-roll.json", input: ContextAlone.init,
                { context, _ in context.exports([]).honourRollJSON() }),
            file("feed.xml", input: feedEntries) { context, entries in
                Array(
                    context.syndication.atom(
                        entries.map { .init(title: $0.title, link: $0.link, date: $0.date, summary: $0.summary) }
                    ).utf8)
            },
            file("sitemap.xml", input: sitemapURLs) { context, urls in
                Array(context.syndication.sitemap(urls.map { ($0.link, $0.lastmod) }).utf8)
            },
        ]
        for csv in DataExports.CSVFile.allCases {
            jobs.append(
                csv == .honourRoll
                    ? file("data/" + csv.rawValue, input: ContextAlone.init) { context, _ in
                        context.exports([]).csv(csv)
                    }
                    : file("data/" + csv.rawValue, input: { listing }) { $0.exports($1.campaigns).csv(csv) })
        }
        return jobs
    }

    /// A file made by the context from `input` alone: the render function
    /// is given nothing else, so what it writes is in the fingerprint.
    func file<Input: Hashable>(
        _ path: String, input: @escaping () -> Input,
        _ render: @escaping (RenderContext, Input) -> [UInt8]
    ) -> RenderJob {
        RenderJob(id: path, input: input) { [context] in [OutputFile(path: path, bytes: render(context, $0))] }
    }

    /// The feed's entries: the newest campaigns, not a site's whole archive.
    static let feedLength = 50

    func feedEntries() -> [FeedEntry] {
        campaigns.prefix(Self.feedLength).map {
            FeedEntry(title: $0.title, link: paths.campaign($0.slug), date: $0.date, summary: $0.summary)
        }
    }

    func sitemapURLs() -> [SitemapURL] {
        let lastmod = campaigns.first?.date
        return [SitemapURL(link: paths.home, lastmod: lastmod), SitemapURL(link: paths.campaigns, lastmod: lastmod)]
            + campaignListLinks().map { SitemapURL(link: $0.link, lastmod: $0.lastmod) }
            + campaigns.map { SitemapURL(link: paths.campaign($0.slug), lastmod: $0.date) }
            + [SitemapURL(link: paths.stats, lastmod: lastmod)]
            + (1...context.honourPageCount).map { SitemapURL(link: paths.honours(page: $0), lastmod: lastmod) }
            + pages.map { SitemapURL(link: paths.page($0.slug), lastmod: $0.date) }
    }
}

extension RenderContext {
    func exports(_ campaigns: [Campaign]) -> DataExports {
        DataExports(campaigns: campaigns, figures: figures, honours: honours, paths: paths)
    }

    var syndication: Syndication { Syndication(config: config, paths: paths) }
}
