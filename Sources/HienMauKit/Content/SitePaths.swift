/// Where each page lives, as a link (under the base path) and as a file under `public/`.
struct SitePaths: Sendable {
    /// `/` or `/sub/path/`.
    var base: String

    static let campaignsDir = "chien-dich"
    static let statsDir = "thong-ke"
    static let honoursDir = "vinh-danh"
    static let searchDir = "tim-kiem"

    var home: String { base }
    var campaigns: String { base + Self.campaignsDir + "/" }
    var stats: String { base + Self.statsDir + "/" }
    var honours: String { base + Self.honoursDir + "/" }
    var search: String { base + Self.searchDir + "/" }
    var searchScript: String { base + "search.js" }
    var feed: String { base + "feed.xml" }
    var stylesheet: String { base + "style.css" }

    /// Before the year in the address of a year's campaigns: `chien-dich/nam-2023/`.
    static let yearPrefix = "nam-"

    /// Whether a campaign slug would take the address of a year's list (`nam-2023`).
    static func isYearFolder(_ slug: String) -> Bool {
        slug.hasPrefix(yearPrefix) && slug.count > yearPrefix.count
            && slug.dropFirst(yearPrefix.count).allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Page `number` of the campaigns of `year` (see `SiteRenderer+CampaignLists`).
    func campaigns(year: Int, page number: Int = 1) -> String {
        let first = campaigns + Self.yearPrefix + String(year) + "/"
        return number == 1 ? first : first + "trang-\(number)/"
    }

    /// Page `number` of the honour roll: the first is `honours` itself.
    func honours(page number: Int) -> String { number == 1 ? honours : honours + "trang-\(number)/" }
    func campaign(_ slug: String) -> String { campaigns + slug + "/" }
    func page(_ slug: String) -> String { base + slug + "/" }
    func image(_ path: String) -> String { base + "images/" + path }
    func data(_ file: String) -> String { base + "data/" + file }

    /// The file under `public/` that serves a link ending in `/`.
    func file(for link: String) -> String {
        String(link.dropFirst(base.count)) + "index.html"
    }
}
