/// The inputs of the render jobs that are not view models (see `RenderJob`).

/// A campaign page's input: the menu and the write-up.
struct CampaignPageInput: Hashable {
    var site: SiteView
    var writeUp: CampaignWriteUp
}

/// A campaign with what its body parsed to. All three are made from the
/// write-up's text and site.yml's settings (part of the context), so the
/// text stands for them: two are equal when their files' paths and texts are.
struct CampaignWriteUp: Hashable {
    var campaign: Campaign
    var document: MarkdownDocument
    var specs: [FigureSpec]

    static func == (a: CampaignWriteUp, b: CampaignWriteUp) -> Bool {
        a.campaign.source.path == b.campaign.source.path && sameBytes(a.campaign.source.text, b.campaign.source.text)
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(campaign.source.path)
        hasher.combine(TextKey(campaign.source.text))
    }
}

/// An honour-roll page's input: the menu and the page's number.
struct HonoursPageInput: Hashable {
    var site: SiteView
    var number: Int
    /// Each milestone's size, for the headings of a roll split over pages:
    /// from the context, worked out once for all the pages.
    var groupSizes: [Int: Int]
}

/// The published campaigns, newest first, as the lists and data files are
/// given them: without their bodies, which only a campaign's own page shows.
/// What is left is read from the front matter, so that text stands for it:
/// two listings are equal when their campaigns' paths and front matter are.
/// A list that showed a body would find it empty, and need another input.
struct Listing: Hashable {
    let campaigns: [Campaign]

    init(_ campaigns: [Campaign]) {
        self.campaigns = campaigns.map { campaign in
            var listed = campaign
            let text = campaign.source.text.utf8
            listed.source.text = String(decoding: text.prefix(text.count - campaign.body.utf8.count), as: UTF8.self)
            listed.body = ""
            return listed
        }
    }

    static func == (a: Listing, b: Listing) -> Bool {
        a.campaigns.count == b.campaigns.count
            && zip(a.campaigns, b.campaigns).allSatisfy {
                $0.source.path == $1.source.path && sameBytes($0.source.text, $1.source.text)
            }
    }

    func hash(into hasher: inout Hasher) {
        for campaign in campaigns {
            hasher.combine(campaign.source.path)
            hasher.combine(TextKey(campaign.source.text))
        }
    }
}

/// The input of a job made from the context alone (the honour roll's data files).
struct ContextAlone: Hashable {}

/// What the feed prints of a campaign.
struct FeedEntry: Hashable {
    var title: String
    var link: String
    var date: Day
    var summary: String?
}

/// What the sitemap prints of a page.
struct SitemapURL: Hashable {
    var link: String
    var lastmod: Day?
}
