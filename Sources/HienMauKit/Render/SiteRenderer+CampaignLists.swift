/// The campaign list, `chien-dich/`: every campaign on one page while they
/// fit (`campaignsPerPage`); past that, an archive by year as Hugo and Zola
/// sites make one: `chien-dich/` links to every year and shows the newest,
/// `chien-dich/nam-2023/` lists the campaigns dated 2023, over
/// `chien-dich/nam-2023/trang-2/`, … when one year has more. Each page then
/// holds at most `campaignsPerPage` cards and one link per year, whether the
/// site has ten campaigns or ten thousand. The statistics page sums the years
/// in the same way (`SiteRenderer.statsView`).
extension SiteRenderer {
    /// Cards on one page: about 40 KB of a 60 KB page with summaries of two lines.
    static let campaignsPerPage = 50

    /// Whether the list is split by year.
    var listsByYear: Bool { campaigns.count > Self.campaignsPerPage }

    /// The campaigns of each year of their `date`, newest year first, each newest first.
    func campaignYears() -> [(year: Int, campaigns: [Campaign])] {
        var byYear: [Int: [Campaign]] = [:]
        for campaign in campaigns { byYear[campaign.date.year, default: []].append(campaign) }
        return byYear.keys.sorted(by: >).map { ($0, byYear[$0]!) }
    }

    static func pageCount(_ count: Int) -> Int {
        max(1, (count + campaignsPerPage - 1) / campaignsPerPage)
    }

    func campaignListJobs() -> [RenderJob] {
        let allTitle = labels.t("Tất cả chiến dịch", "All campaigns")
        guard listsByYear else {
            return [
                page(paths.campaigns, template: "campaigns") {
                    CampaignListView(
                        site: siteView(current: paths.campaigns),
                        meta: context.meta(title: allTitle, description: nil, link: paths.campaigns),
                        heading: allTitle, campaigns: campaigns.map(card))
                }
            ]
        }
        let years = campaignYears()
        var jobs = [
            page(paths.campaigns, template: "campaigns") {
                CampaignListView(
                    site: siteView(current: paths.campaigns),
                    meta: context.meta(title: allTitle, description: nil, link: paths.campaigns),
                    heading: allTitle, years: yearLinks(years, current: nil),
                    subheading: labels.t("Chiến dịch mới nhất", "Latest campaigns"),
                    campaigns: campaigns.prefix(Self.campaignsPerPage).map(card))
            }
        ]
        for (year, list) in years {
            let count = Self.pageCount(list.count)
            for number in 1...count {
                jobs.append(
                    page(paths.campaigns(year: year, page: number), template: "campaigns") {
                        yearPage(year, list, number: number, count: count, years: years)
                    })
            }
        }
        return jobs
    }

    func yearPage(
        _ year: Int, _ list: [Campaign], number: Int, count: Int,
        years: [(year: Int, campaigns: [Campaign])]
    ) -> CampaignListView {
        let heading = labels.t("Chiến dịch năm \(year)", "Campaigns of \(year)")
        let link = paths.campaigns(year: year, page: number)
        let start = (number - 1) * Self.campaignsPerPage
        let slice = list[start..<min(start + Self.campaignsPerPage, list.count)]
        return CampaignListView(
            site: siteView(current: link),
            meta: context.meta(
                title: number == 1 ? heading : "\(heading) · \(labels.pageOf(number, count))",
                description: nil, link: link),
            heading: heading, years: yearLinks(years, current: year), campaigns: slice.map(card),
            pagerHTML: context.pager(current: number, count: count, label: heading) {
                paths.campaigns(year: year, page: $0)
            })
    }

    func yearLinks(_ years: [(year: Int, campaigns: [Campaign])], current: Int?) -> [YearLink] {
        years.map {
            let count = $0.campaigns.count
            return YearLink(
                year: String($0.year), url: paths.campaigns(year: $0.year),
                countText: labels.integer(count) + " " + labels.t("chiến dịch", count == 1 ? "campaign" : "campaigns"),
                current: $0.year == current)
        }
    }

    /// Every page of the year lists, for the sitemap; none while the list is one page.
    func campaignListLinks() -> [(link: String, lastmod: Day?)] {
        guard listsByYear else { return [] }
        return campaignYears().flatMap { year, list in
            (1...Self.pageCount(list.count)).map { (paths.campaigns(year: year, page: $0), list.first?.date) }
        }
    }

    /// The statistics page's table once the campaigns are listed by year:
    /// a row per year, linking to its list (each campaign's figures are on
    /// its card and page, and all of them in `data/campaigns.csv`).
    func yearsTable() -> [UInt8] {
        let rows = campaignYears().map { year, list -> TableHTML.Row in
            var t = Tally()
            for campaign in list {
                let totals = figures.campaign(campaign.id)?.totals ?? Tally()
                (t.registrations, t.donations, t.volumeML) =
                    (
                        t.registrations + totals.registrations, t.donations + totals.donations,
                        t.volumeML + totals.volumeML
                    )
            }
            return TableHTML.Row(
                header: String(year),
                cells: [
                    labels.integer(list.count), labels.integer(t.registrations), labels.integer(t.donations),
                    labels.integer(t.deferred), labels.integer(t.volumeML),
                ], link: paths.campaigns(year: year))
        }
        let t = figures.totals
        return TableHTML.render(
            id: "campaigns-table", caption: labels.t("Kết quả theo năm", "Results by year"),
            columns: [
                labels.t("Năm", "Year"), labels.t("Chiến dịch", "Campaigns"), labels.registrations, labels.donations,
                labels.deferred, labels.volume,
            ],
            rows: rows,
            footer: TableHTML.Row(
                header: labels.t("Tổng cộng", "Total"),
                cells: [
                    labels.integer(campaigns.count), labels.integer(t.registrations), labels.integer(t.donations),
                    labels.integer(t.deferred), labels.integer(t.volumeML),
                ]))
    }
}
