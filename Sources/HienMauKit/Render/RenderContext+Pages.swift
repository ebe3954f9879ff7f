/// The pages whose view models cost as much as rendering them (figures,
/// rolls): each is made from the context and a small input, which is all
/// that its fingerprint needs (see `RenderJob`).
extension RenderContext {
    func campaignPage(_ input: CampaignPageInput) -> [UInt8] {
        let (campaign, document, written) = (input.writeUp.campaign, input.writeUp.document, input.writeUp.specs)
        let link = paths.campaign(campaign.slug)
        let f =
            figures.campaign(campaign.id)
            ?? CampaignFigures(
                id: campaign.id, totals: Tally(), targetUnits: campaign.targetUnits, bySite: [], byDate: [], byUnit: [],
                byBloodGroup: [])
        let roll = figures.campaignRolls[campaign.id] ?? []
        let renderer = FigureRenderer(labels: labels, milestones: config.milestones)
        // The write-up's blocks, then the standard figures for the breakdowns it does not show.
        let shown = renderer.page(written, campaign: campaign, figures: f, roll: roll)
        let cover = campaign.cover.flatMap(ImagePath.resolve).flatMap { images[$0] }
        let pictures = pictures.parts(document, eagerFirst: cover == nil)
        let body = FigureBlock.fill(
            String(
                decoding: Markers.fill(
                    Array(document.html.utf8), prefix: "<!--hienmau-image:",
                    with: pictures), as: UTF8.self), with: shown.blocks)
        let rollHTML =
            written.contains(where: { if case .honourRoll = $0 { return true } else { return false } })
            ? [] : renderer.render(.honourRoll(min: nil), campaign: campaign, figures: f, roll: roll, idPrefix: "roll")
        let progressHTML =
            campaign.targetUnits == nil || written.contains(.chart(.progress))
            ? nil
            : Charts(labels: labels).progress(
                id: "progress", title: labels.t("Tiến độ so với chỉ tiêu", "Progress against target"),
                donations: f.totals.donations, target: campaign.targetUnits)
        let coverAlt = campaign.coverAlt ?? ""
        let view = CampaignView(
            site: input.site,
            meta: meta(
                title: campaign.title, description: campaign.summary, link: link, type: "article",
                image: cover?.card.map { paths.base + $0 }, imageAlt: campaign.coverAlt),
            title: campaign.title, dateText: labels.date(campaign.date), dateISO: campaign.date.iso,
            organizer: campaign.organizer, location: campaign.location, period: period(of: campaign),
            hospitals: campaign.hospitals, hasHospitals: !campaign.hospitals.isEmpty,
            coverURL: cover.map { self.pictures.url($0.drawing ?? $0.sizes.last?.jpeg ?? "") }, coverAlt: coverAlt,
            coverHTML: cover.map { self.pictures.picture($0, alt: coverAlt, eager: true, className: "cover") },
            coverCaption: cover == nil ? nil : campaign.coverCaption,
            kpis: kpis(f.totals, progress: f.progress), progressHTML: progressHTML, bodyHTML: body,
            detailsHTML: shown.details, rollHTML: rollHTML, draft: campaign.draft)
        return render(view, with: "campaign")
    }

    func period(of campaign: Campaign) -> String? {
        guard let start = campaign.start else { return nil }
        let end = campaign.end ?? start
        return start == end ? labels.date(start) : "\(labels.date(start)) – \(labels.date(end))"
    }

    /// Donors on one page of the site's honour roll. A national roll runs to
    /// hundreds of thousands of names: one page of them all would be too big
    /// to open, so past this many it goes on over `vinh-danh/trang-2/`, ….
    static let honourRollPageSize = 1_000

    var honourPageCount: Int {
        max(1, (figures.honourRoll.count + Self.honourRollPageSize - 1) / Self.honourRollPageSize)
    }

    func honoursPage(_ input: HonoursPageInput) -> [UInt8] {
        let (number, groupSizes, count) = (input.number, input.groupSizes, honourPageCount)
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
        let awards =
            number > 1
            ? []
            : honours.map {
                Award(
                    recipient: $0.recipient, kind: $0.kind.rawValue, award: $0.award, issuer: $0.issuer,
                    year: String($0.year))
            }
        let view = HonoursView(
            site: input.site, meta: meta(title: pageTitle, description: nil, link: paths.honours(page: number)),
            rollHTML: rollHTML,
            pagerHTML: pager(current: number, count: count, label: labels.rollPages, link: paths.honours(page:)),
            awards: awards, hasAwards: !awards.isEmpty,
            milestonesText: config.milestones.map(labels.integer).joined(separator: ", "),
            downloadURL: paths.data("honour-roll.json"))
        return render(view, with: "honours")
    }

    /// Previous and next, the first and last pages, and two on each side of
    /// the current one, so the list stays short however long the roll (or
    /// a year's list of campaigns); `link` gives page n's address.
    func pager(current: Int, count: Int, label: String, link address: (Int) -> String) -> String {
        guard count > 1 else { return "" }
        func link(_ number: Int, _ text: String, rel: String? = nil) -> String {
            let attributes = (number == current ? " aria-current=\"page\"" : "") + (rel.map { " rel=\"\($0)\"" } ?? "")
            return "<li><a href=\"\(Escape.html(address(number)))\"\(attributes)>\(Escape.html(text))</a></li>"
        }
        var out =
            "<nav class=\"pager\" aria-label=\"\(Escape.html(label))\"><p>\(Escape.html(labels.pageOf(current, count)))</p><ul>"
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
}
