/// The view models of the pages that list the site's campaigns, and of the
/// pages from `content/pages/`: made cheaply, so that `serve` can make them
/// on every rebuild and render again only those whose view changed.
extension SiteRenderer {
    func homeView() -> HomeView {
        let latest = campaigns.prefix(6).map(card)
        return HomeView(
            site: siteView(current: paths.home), meta: context.meta(title: nil, description: nil, link: paths.home),
            kpis: context.kpis(figures.totals, progress: nil), trendHTML: trendChart(id: "trend"),
            latest: Array(latest),
            hasMore: campaigns.count > latest.count, campaignsURL: paths.campaigns)
    }

    func statsView() -> StatsView {
        let title = labels.t("Thống kê", "Statistics")
        let t = figures.totals
        let downloads = [
            "campaigns.json", "campaigns.csv", "by-site.csv", "by-date.csv", "by-unit.csv", "by-blood-group.csv",
        ]
        .map { Download(title: $0, url: paths.data($0)) }
        return StatsView(
            site: siteView(current: paths.stats),
            meta: context.meta(title: title, description: nil, link: paths.stats),
            kpis: context.kpis(t, progress: nil), trendHTML: trendChart(id: "trend"),
            campaignsTableHTML: listsByYear ? yearsTable() : campaignsTable(), downloads: downloads)
    }

    func campaignsTable() -> [UInt8] {
        let rows = campaigns.map { campaign -> TableHTML.Row in
            let f = figures.campaign(campaign.id)
            let t = f?.totals ?? Tally()
            return TableHTML.Row(
                header: campaign.title,
                cells: [
                    labels.integer(t.registrations), labels.integer(t.donations), labels.integer(t.deferred),
                    labels.integer(t.volumeML), campaign.targetUnits.map(labels.integer) ?? "–",
                    f?.progress.map(labels.percent) ?? "–",
                ])
        }
        let t = figures.totals
        return TableHTML.render(
            id: "campaigns-table", caption: labels.t("Kết quả từng chiến dịch", "Results by campaign"),
            columns: [
                labels.campaign, labels.registrations, labels.donations, labels.deferred, labels.volume,
                labels.target, labels.progress,
            ],
            rows: rows,
            footer: TableHTML.Row(
                header: labels.t("Tổng cộng", "Total"),
                cells: [
                    labels.integer(t.registrations), labels.integer(t.donations), labels.integer(t.deferred),
                    labels.integer(t.volumeML), "", "",
                ]))
    }

    /// Every campaign and page, each with its folded text; search.js filters
    /// the list in place, and without JavaScript the page is a full index.
    func searchView() -> SearchView {
        var entries = campaigns.map { c in
            SearchEntry(
                title: c.title, url: paths.campaign(c.slug),
                detail: [labels.date(c.date), c.location].compactMap { $0 }.joined(separator: " · "),
                folded: Search.fold(
                    [c.title, c.summary, c.location, c.organizer].compactMap { $0 }.joined(separator: " ")))
        }
        entries += pages.map { p in
            SearchEntry(
                title: p.title, url: paths.page(p.slug), detail: p.summary ?? "",
                folded: Search.fold([p.title, p.summary].compactMap { $0 }.joined(separator: " ")))
        }
        let title = labels.t("Tìm kiếm", "Search")
        return SearchView(
            site: siteView(current: paths.search),
            meta: context.meta(title: title, description: nil, link: paths.search),
            entries: entries, script: paths.searchScript)
    }

    func pageView(_ page: Page) -> PageView {
        let link = paths.page(page.slug)
        return PageView(
            site: siteView(current: link),
            meta: context.meta(title: page.title, description: page.summary, link: link),
            title: page.title, bodyHTML: body(of: page))
    }

    /// A page's HTML with its pictures in place, the first loaded at once.
    func body(of page: Page) -> String {
        guard let document = markdown[page.source.path] else { return "" }
        let parts = context.pictures.parts(document, eagerFirst: true)
        return String(
            decoding: Markers.fill(Array(document.html.utf8), prefix: "<!--hienmau-image:", with: parts), as: UTF8.self)
    }

    func notFoundView() -> NotFoundView {
        NotFoundView(
            site: siteView(current: ""),
            meta: context.meta(
                title: labels.t("Không tìm thấy trang", "Page not found"), description: nil,
                link: paths.home + "404.html"))
    }
}
