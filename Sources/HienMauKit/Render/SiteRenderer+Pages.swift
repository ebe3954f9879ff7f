extension SiteRenderer {
    /// Every file of the site, sorted by path.
    /// Every file is an independent job; the jobs run on every core and the
    /// files are sorted by path, so the result does not depend on the order.
    func renderAll() -> [OutputFile] {
        Parallel.map(jobs(), threads: threads) { $0.run() }.flatMap { $0 }.sorted { $0.path < $1.path }
    }

    /// The jobs that make the site. Each has a fingerprint of what it reads:
    /// `inputs` (site.yml, templates, figures, honours, the menu) plus, for a
    /// campaign page, its own write-up, and for lists and feeds, what each
    /// campaign shows in a list. `serve` runs again only jobs whose fingerprint
    /// changed. A one-off build passes `fingerprinted: false`: hashing every
    /// write-up's text again would be time spent on nothing, and all are 0.
    func jobs(fingerprinted: Bool = true) -> [RenderJob] {
        var common = Hasher()
        common.combine(inputs)
        for page in pages { common.combine(TextKey(page.title)); common.combine(page.slug) }
        let shared = common.finalize()
        var listing = Hasher()
        listing.combine(shared)
        for c in campaigns where fingerprinted {
            for text in [c.id, c.title, c.slug, c.date.iso, c.summary ?? "", c.location ?? "", c.cover ?? ""] {
                listing.combine(TextKey(text))
            }
            listing.combine(c.targetUnits)
            listing.combine(c.draft)
        }
        let listed = listing.finalize()
        func fingerprint(_ base: Int, _ text: String) -> Int {
            guard fingerprinted else { return 0 }
            var hasher = Hasher()
            hasher.combine(base)
            hasher.combine(TextKey(text))
            return hasher.finalize()
        }

        // The jobs that cover every campaign come first, so that the last ones
        // to finish are small pages and both cores stay busy to the end.
        var jobs = dataFileJobs().enumerated().map { index, run in RenderJob(id: "data-\(index)", fingerprint: listed, run: run) }
        func page(_ link: String, _ fingerprint: Int, _ render: @escaping () -> [UInt8]) {
            let path = paths.file(for: link)
            jobs.append(RenderJob(id: path, fingerprint: fingerprint) { [OutputFile(path: path, bytes: render())] })
        }
        page(paths.search, listed) { searchPage() }
        page(paths.campaigns, listed) { campaignList() }
        // Each milestone's size, for the headings of a roll split over pages.
        let groupSizes = Dictionary(grouping: figures.honourRoll, by: \.milestone).mapValues(\.count)
        for number in 1...honourPageCount {
            page(paths.honours(page: number), shared) { honoursPage(number, groupSizes: groupSizes) }
        }
        page(paths.stats, listed) { statsPage() }
        page(paths.home, listed) { home() }
        for campaign in campaigns {
            page(paths.campaign(campaign.slug), fingerprint(shared, campaign.source.text)) { campaignPage(campaign) }
        }
        for item in pages { page(paths.page(item.slug), fingerprint(shared, item.source.text)) { pagePage(item) } }
        jobs.append(RenderJob(id: "404.html", fingerprint: shared) { [OutputFile(path: "404.html", bytes: notFound())] })
        return jobs
    }

    func home() -> [UInt8] {
        let latest = campaigns.prefix(6).map(card)
        let view = HomeView(
            site: siteView(current: paths.home), meta: meta(title: nil, description: nil, link: paths.home),
            kpis: kpis(figures.totals, progress: nil), trendHTML: trendChart(id: "trend"), latest: Array(latest),
            hasMore: campaigns.count > latest.count, campaignsURL: paths.campaigns)
        return templates.render(view, with: "home")
    }

    func campaignList() -> [UInt8] {
        let title = labels.t("Tất cả chiến dịch", "All campaigns")
        let view = CampaignListView(site: siteView(current: paths.campaigns),
                                    meta: meta(title: title, description: nil, link: paths.campaigns),
                                    campaigns: campaigns.map(card))
        return templates.render(view, with: "campaigns")
    }

    func campaignPage(_ campaign: Campaign) -> [UInt8] {
        let link = paths.campaign(campaign.slug)
        let f = figures.campaign(campaign.id) ?? CampaignFigures(
            id: campaign.id, totals: Tally(), targetUnits: campaign.targetUnits, bySite: [], byDate: [], byUnit: [], byBloodGroup: [])
        let roll = figures.campaignRolls[campaign.id] ?? []
        let renderer = FigureRenderer(labels: labels, milestones: config.milestones)
        let document = markdown[campaign.source.path] ?? MarkdownDocument(html: "", figures: [])
        let written = specs[campaign.source.path] ?? []

        // The write-up's blocks, then the standard figures for the breakdowns it does not show.
        let shown = renderer.page(written, campaign: campaign, figures: f, roll: roll)
        let body = FigureBlock.fill(document.html, with: shown.blocks)
        let rollHTML = written.contains(where: { if case .honourRoll = $0 { return true } else { return false } })
            ? [] : renderer.render(.honourRoll(min: nil), campaign: campaign, figures: f, roll: roll, idPrefix: "roll")
        let progressHTML = campaign.targetUnits == nil || written.contains(.chart(.progress)) ? nil
            : Charts(labels: labels).progress(id: "progress", title: labels.t("Tiến độ so với chỉ tiêu", "Progress against target"),
                                              donations: f.totals.donations, target: campaign.targetUnits)
        var period: String?
        if let start = campaign.start {
            let end = campaign.end ?? start
            period = start == end ? labels.date(start) : "\(labels.date(start)) – \(labels.date(end))"
        }
        let cover = campaign.cover.map { paths.image(CoverPath.normalize($0)) }
        let view = CampaignView(
            site: siteView(current: link),
            meta: meta(title: campaign.title, description: campaign.summary, link: link, type: "article", image: cover),
            title: campaign.title, dateText: labels.date(campaign.date), dateISO: campaign.date.iso,
            organizer: campaign.organizer, location: campaign.location, period: period, hospitals: campaign.hospitals,
            hasHospitals: !campaign.hospitals.isEmpty, coverURL: cover, coverAlt: campaign.title,
            kpis: kpis(f.totals, progress: f.progress), progressHTML: progressHTML, bodyHTML: body,
            detailsHTML: shown.details, rollHTML: rollHTML, draft: campaign.draft)
        return templates.render(view, with: "campaign")
    }

    func statsPage() -> [UInt8] {
        let title = labels.t("Thống kê", "Statistics")
        let rows = campaigns.map { campaign -> TableHTML.Row in
            let f = figures.campaign(campaign.id)
            let t = f?.totals ?? Tally()
            return TableHTML.Row(header: campaign.title, cells: [
                labels.integer(t.registrations), labels.integer(t.donations), labels.integer(t.deferred),
                labels.integer(t.volumeML), campaign.targetUnits.map(labels.integer) ?? "–",
                f?.progress.map(labels.percent) ?? "–",
            ])
        }
        let t = figures.totals
        let table = TableHTML.render(
            id: "campaigns-table", caption: labels.t("Kết quả từng chiến dịch", "Results by campaign"),
            columns: [labels.campaign, labels.registrations, labels.donations, labels.deferred, labels.volume,
                      labels.target, labels.progress],
            rows: rows,
            footer: TableHTML.Row(header: labels.t("Tổng cộng", "Total"), cells: [
                labels.integer(t.registrations), labels.integer(t.donations), labels.integer(t.deferred),
                labels.integer(t.volumeML), "", "",
            ]))
        let downloads = [
            Download(title: "campaigns.json", url: paths.data("campaigns.json")),
            Download(title: "campaigns.csv", url: paths.data("campaigns.csv")),
            Download(title: "by-site.csv", url: paths.data("by-site.csv")),
            Download(title: "by-date.csv", url: paths.data("by-date.csv")),
            Download(title: "by-unit.csv", url: paths.data("by-unit.csv")),
            Download(title: "by-blood-group.csv", url: paths.data("by-blood-group.csv")),
        ]
        let view = StatsView(site: siteView(current: paths.stats), meta: meta(title: title, description: nil, link: paths.stats),
                             kpis: kpis(t, progress: nil), trendHTML: trendChart(id: "trend"),
                             campaignsTableHTML: table, downloads: downloads)
        return templates.render(view, with: "stats")
    }

    /// Donors on one page of the site's honour roll. A national roll runs to
    /// hundreds of thousands of names: one page of them all would be too big
    /// to open, so past this many it goes on over `vinh-danh/trang-2/`, ….
    static let honourRollPageSize = 1_000

    var honourPageCount: Int {
        max(1, (figures.honourRoll.count + Self.honourRollPageSize - 1) / Self.honourRollPageSize)
    }

    func honoursPage(_ number: Int, groupSizes: [Int: Int]) -> [UInt8] {
        let count = honourPageCount
        let title = labels.t("Vinh danh", "Honour roll")
        let pageTitle = number == 1 ? title : "\(title) · \(labels.pageOf(number, count))"
        let start = (number - 1) * Self.honourRollPageSize
        let slice = figures.honourRoll[start..<min(start + Self.honourRollPageSize, figures.honourRoll.count)]
        let rollHTML = HonourRollHTML(labels: labels).render(
            slice, headingLevel: 2,
            emptyText: labels.t("Chưa có người hiến đạt mốc vinh danh.", "No donor has reached a milestone yet."),
            groupSizes: groupSizes,
            firstNumber: slice.first.map { first in
                start - groupSizes.filter { $0.key > first.milestone }.map(\.value).reduce(0, +) + 1
            } ?? 1)
        // Awards are few: they stay on the first page.
        let awards = number > 1 ? [] : honours.map {
            Award(recipient: $0.recipient, kind: $0.kind.rawValue, award: $0.award, issuer: $0.issuer, year: String($0.year))
        }
        let link = paths.honours(page: number)
        let view = HonoursView(
            site: siteView(current: paths.honours), meta: meta(title: pageTitle, description: nil, link: link),
            rollHTML: rollHTML, pagerHTML: pager(current: number, count: count), awards: awards, hasAwards: !awards.isEmpty,
            milestonesText: config.milestones.map(labels.integer).joined(separator: ", "),
            downloadURL: paths.data("honour-roll.json"))
        return templates.render(view, with: "honours")
    }

    /// Previous and next, the first and last pages, and two on each side of
    /// the current one, so the list stays short however long the roll.
    func pager(current: Int, count: Int) -> String {
        guard count > 1 else { return "" }
        func link(_ number: Int, _ text: String, rel: String? = nil) -> String {
            let attributes = (number == current ? " aria-current=\"page\"" : "") + (rel.map { " rel=\"\($0)\"" } ?? "")
            return "<li><a href=\"\(Escape.html(paths.honours(page: number)))\"\(attributes)>\(Escape.html(text))</a></li>"
        }
        var out = "<nav class=\"pager\" aria-label=\"\(Escape.html(labels.rollPages))\"><p>\(Escape.html(labels.pageOf(current, count)))</p><ul>"
        if current > 1 { out += link(current - 1, "‹ " + labels.previousPage, rel: "prev") }
        let shown = Set([1, count] + Array(max(1, current - 2)...min(count, current + 2)))
        var last = 0
        for number in shown.sorted() {
            if number > last + 1 { out += "<li class=\"gap\" aria-hidden=\"true\">…</li>" }
            out += link(number, labels.integer(number))
            last = number
        }
        if current < count { out += link(current + 1, labels.nextPage + " ›", rel: "next") }
        return out + "</ul></nav>\n"
    }

    func pagePage(_ page: Page) -> [UInt8] {
        let link = paths.page(page.slug)
        let view = PageView(site: siteView(current: link), meta: meta(title: page.title, description: page.summary, link: link),
                            title: page.title, bodyHTML: markdown[page.source.path]?.html ?? "")
        return templates.render(view, with: "page")
    }

    /// Every campaign and page, each with its folded text; search.js filters
    /// the list in place, and without JavaScript the page is a full index.
    func searchPage() -> [UInt8] {
        var entries = campaigns.map { c in
            SearchEntry(title: c.title, url: paths.campaign(c.slug),
                        detail: [labels.date(c.date), c.location].compactMap { $0 }.joined(separator: " · "),
                        folded: Search.fold([c.title, c.summary, c.location, c.organizer].compactMap { $0 }.joined(separator: " ")))
        }
        entries += pages.map { p in
            SearchEntry(title: p.title, url: paths.page(p.slug), detail: p.summary ?? "",
                        folded: Search.fold([p.title, p.summary].compactMap { $0 }.joined(separator: " ")))
        }
        let title = labels.t("Tìm kiếm", "Search")
        let view = SearchView(site: siteView(current: paths.search),
                              meta: meta(title: title, description: nil, link: paths.search),
                              entries: entries, script: paths.searchScript)
        return templates.render(view, with: "search")
    }

    func notFound() -> [UInt8] {
        let view = NotFoundView(site: siteView(current: ""),
                                meta: meta(title: labels.t("Không tìm thấy trang", "Page not found"), description: nil,
                                           link: paths.home + "404.html"))
        return templates.render(view, with: "404")
    }

    func dataFileJobs() -> [() -> [OutputFile]] {
        let exports = DataExports(campaigns: campaigns, figures: figures, honours: honours, paths: paths)
        let syndication = Syndication(config: config, paths: paths)
        return [
            { [OutputFile(path: "data/campaigns.json", bytes: exports.campaignsJSON())] },
            { [OutputFile(path: "data/honour-roll.json", bytes: exports.honourRollJSON())] },
            { [OutputFile(path: "feed.xml", contents: syndication.atom(campaigns.map {
                .init(title: $0.title, link: paths.campaign($0.slug), date: $0.date, summary: $0.summary)
            }))] },
            { [self.sitemap(syndication)] },
        ] + DataExports.CSVFile.allCases.map { file in
            { [OutputFile(path: "data/" + file.rawValue, bytes: exports.csv(file))] }
        }
    }

    func sitemap(_ syndication: Syndication) -> OutputFile {
        var urls: [(link: String, lastmod: Day?)] = [(paths.home, campaigns.first?.date), (paths.campaigns, campaigns.first?.date)]
        urls += campaigns.map { (paths.campaign($0.slug), $0.date) }
        urls += [(paths.stats, campaigns.first?.date)]
        urls += (1...honourPageCount).map { (paths.honours(page: $0), campaigns.first?.date) }
        urls += pages.map { (paths.page($0.slug), $0.date) }
        return OutputFile(path: "sitemap.xml", contents: syndication.sitemap(urls))
    }
}
