/// View models: small values made for one template each, with every number
/// already formatted. Templates escape every `{{ }}`; only fields named `…HTML`
/// hold markup we produced and are used with `{{{ }}}`. A template sees its
/// view and nothing else, so a page's view, Hashable, is its fingerprint in
/// `serve` (see `RenderJob`); `CampaignView` is not needed as one.
struct SiteView: Hashable {
    var title: String
    var description: String
    var language: String
    var home: String
    var stylesheet: String
    var feed: String
    var search: String
    var menu: [MenuItem]
    var l: LabelTable
}

/// The templates' words (`{{site.l.key}}`) in the site's language. The table
/// is made from the language alone, so the language stands for it when a
/// view is hashed: 60 words hashed again for each of a thousand pages cost
/// more than the rest of the page's input.
struct LabelTable: Hashable, TemplateObject {
    let language: Language
    let words: [String: String]

    init(_ language: Language) {
        self.language = language
        words = TemplateLabels.all(language)
    }

    static func == (a: LabelTable, b: LabelTable) -> Bool { a.language == b.language }

    func hash(into hasher: inout Hasher) {
        hasher.combine(language)
    }

    func value(named name: String) -> TemplateValue? { words.value(named: name) }
}

struct MenuItem: Hashable {
    var title: String
    var url: String
    var current: Bool
}

struct MetaView: Hashable {
    var title: String
    var description: String
    var canonical: String
    var ogType: String
    /// The social card (1200 × 630 JPEG) made from the cover.
    var ogImage: String?
    var ogImageAlt: String?
}

struct KPI: Hashable {
    var label: String
    var value: String
}

struct CampaignCard: Hashable {
    var title: String
    var url: String
    var dateText: String
    var dateISO: String
    var summary: String?
    var location: String?
    var donationsText: String
    var progressText: String?
    var draft: Bool
}

struct Award: Hashable {
    var recipient: String
    var kind: String
    var award: String
    var issuer: String
    var year: String
}

struct HomeView: Hashable {
    var site: SiteView
    var meta: MetaView
    var kpis: [KPI]
    var trendHTML: [UInt8]
    var latest: [CampaignCard]
    var hasMore: Bool
    var campaignsURL: String
}

/// A page of the campaign list: all of them while they are few, else one
/// page of one year's (see `SiteRenderer+CampaignLists`).
struct CampaignListView: Hashable {
    var site: SiteView
    var meta: MetaView
    var heading: String
    /// Links to every year's list; empty while the campaigns fit on one page.
    var years: [YearLink] = []
    /// Above the cards when the page shows only some (the newest).
    var subheading: String?
    var campaigns: [CampaignCard]
    var pagerHTML = ""
}

struct YearLink: Hashable {
    var year: String
    var url: String
    var countText: String
    var current: Bool
}

struct CampaignView {
    var site: SiteView
    var meta: MetaView
    var title: String
    var dateText: String
    var dateISO: String
    var organizer: String?
    var location: String?
    var period: String?
    var hospitals: [String]
    var hasHospitals: Bool
    var coverURL: String?
    var coverAlt: String
    /// The cover as a `<picture>` (see `PictureHTML`).
    var coverHTML: String?
    var coverCaption: String?
    var kpis: [KPI]
    var progressHTML: String?
    var bodyHTML: [UInt8]
    var detailsHTML: [UInt8]
    var rollHTML: [UInt8]
    var draft: Bool
}

struct StatsView: Hashable {
    var site: SiteView
    var meta: MetaView
    var kpis: [KPI]
    var trendHTML: [UInt8]
    var campaignsTableHTML: [UInt8]
    var downloads: [Download]
}

struct Download: Hashable {
    var title: String
    var url: String
}

struct HonoursView: Hashable {
    var site: SiteView
    var meta: MetaView
    var rollHTML: [UInt8]
    /// Links to the other pages of a long roll; empty when it fits on one.
    var pagerHTML: String
    var awards: [Award]
    var hasAwards: Bool
    var milestonesText: String
    var downloadURL: String
}

struct PageView: Hashable {
    var site: SiteView
    var meta: MetaView
    var title: String
    var bodyHTML: String
}

struct NotFoundView: Hashable {
    var site: SiteView
    var meta: MetaView
}

struct SearchEntry: Hashable {
    var title: String
    var url: String
    var detail: String
    /// Title, summary, place and organiser, lower case without diacritics: what a query is matched against.
    var folded: String
}

struct SearchView: Hashable {
    var site: SiteView
    var meta: MetaView
    var entries: [SearchEntry]
    var script: String
}
