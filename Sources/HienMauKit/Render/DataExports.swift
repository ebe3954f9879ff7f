/// The open data: `data/campaigns.json`, `data/honour-roll.json` and the CSV downloads.
/// Only aggregates and the honour roll are written; nothing per row ever is.
struct DataExports {
    var campaigns: [Campaign]
    var figures: SiteFigures
    var honours: [Honour]
    var paths: SitePaths

    func campaignsJSON() -> [UInt8] {
        var json = JSONStream()
        let t = figures.totals
        json.beginObject()
        json.key("totals")
        json.beginObject()
        json.field("campaigns", campaigns.count)
        json.field("registrations", t.registrations)
        json.field("donations", t.donations)
        json.field("deferred", t.deferred)
        json.field("volume_ml", t.volumeML)
        json.end()
        json.key("campaigns")
        json.beginArray()
        for campaign in campaigns {
            guard let f = figures.campaign(campaign.id) else { continue }
            Self.write(campaign, f, paths: paths, to: &json)
        }
        json.end()
        json.end()
        return json.finish()
    }

    /// One campaign of `campaigns.json`: its facts, totals and breakdowns.
    private static func write(_ campaign: Campaign, _ f: CampaignFigures, paths: SitePaths, to json: inout JSONStream) {
        json.beginObject()
        json.field("id", campaign.id)
        json.field("slug", campaign.slug)
        json.field("url", paths.campaign(campaign.slug))
        json.field("title", campaign.title)
        json.field("date", campaign.date.iso)
        json.field("start", campaign.start?.iso)
        json.field("end", campaign.end?.iso)
        json.field("target_units", campaign.targetUnits)
        json.field("registrations", f.totals.registrations)
        json.field("donations", f.totals.donations)
        json.field("deferred", f.totals.deferred)
        json.field("volume_ml", f.totals.volumeML)
        json.key("progress")
        json.double(f.progress)
        write("by_site", f.bySite, key: "site", to: &json) { $0 }
        write("by_date", f.byDate, key: "date", to: &json) { $0.iso }
        write("by_unit", f.byUnit, key: "unit", to: &json) { $0 }
        json.key("by_blood_group")
        json.beginArray()
        for group in f.byBloodGroup {
            json.beginObject()
            json.field("blood_group", group.key)
            json.field("donations", group.tally.donations)
            json.end()
        }
        json.end()
        json.end()
    }

    /// A breakdown as an array of `{key, registrations, donations, volume_ml}`.
    private static func write<Key>(
        _ name: String, _ groups: [Group<Key>], key: String, to json: inout JSONStream,
        _ text: (Key) -> String
    ) {
        json.key(name)
        json.beginArray()
        for group in groups {
            json.beginObject()
            json.field(key, group.key.map(text))
            json.field("registrations", group.tally.registrations)
            json.field("donations", group.tally.donations)
            json.field("volume_ml", group.tally.volumeML)
            json.end()
        }
        json.end()
    }

    func honourRollJSON() -> [UInt8] {
        var json = JSONStream()
        json.beginObject()
        json.key("donors")
        json.beginArray()
        for donor in figures.honourRoll {
            json.beginObject()
            json.field("name", donor.name)
            json.field("unit", donor.unit)
            json.field("donations", donor.donations)
            json.field("milestone", donor.milestone)
            json.end()
        }
        json.end()
        json.key("awards")
        json.beginArray()
        for honour in honours {
            json.beginObject()
            json.field("recipient", honour.recipient)
            json.field("kind", honour.kind.rawValue)
            json.field("award", honour.award)
            json.field("issuer", honour.issuer)
            json.field("year", honour.year)
            json.end()
        }
        json.end()
        json.end()
        return json.finish()
    }

    /// The CSV downloads. Each is made on its own, so they render in parallel.
    enum CSVFile: String, CaseIterable {
        case campaigns = "campaigns.csv"
        case bySite = "by-site.csv"
        case byDate = "by-date.csv"
        case byUnit = "by-unit.csv"
        case byBloodGroup = "by-blood-group.csv"
        case honourRoll = "honour-roll.csv"
    }

    func csv(_ file: CSVFile) -> [UInt8] {
        var out = CSVText()
        let tallyHeader = ["registrations", "donations", "volume_ml"]
        func tallies<Key>(_ groups: KeyPath<CampaignFigures, [Group<Key>]>, _ text: (Key) -> String) {
            for campaign in campaigns {
                guard let f = figures.campaign(campaign.id) else { continue }
                for group in f[keyPath: groups] {
                    out.row(campaign.id, group.key.map(text) ?? "")
                    out.row(group.tally.registrations, group.tally.donations, group.tally.volumeML, end: true)
                }
            }
        }
        switch file {
        case .campaigns:
            out.header([
                "id", "title", "start", "end", "target_units", "registrations", "donations",
                "deferred", "volume_ml", "progress",
            ])
            for campaign in campaigns {
                guard let f = figures.campaign(campaign.id) else { continue }
                let t = f.totals
                out.row(
                    campaign.id, campaign.title, campaign.start?.iso ?? "", campaign.end?.iso ?? "",
                    campaign.targetUnits.map(String.init) ?? "")
                out.row(t.registrations, t.donations, t.deferred, t.volumeML)
                out.row(f.progress.map { "\($0)" } ?? "", end: true)
            }
        case .bySite:
            out.header(["campaign", "site"] + tallyHeader)
            tallies(\.bySite) { $0 }
        case .byDate:
            out.header(["campaign", "date"] + tallyHeader)
            tallies(\.byDate) { $0.iso }
        case .byUnit:
            out.header(["campaign", "unit"] + tallyHeader)
            tallies(\.byUnit) { $0 }
        case .byBloodGroup:
            out.header(["campaign", "blood_group", "donations"])
            for campaign in campaigns {
                guard let f = figures.campaign(campaign.id) else { continue }
                for group in f.byBloodGroup {
                    out.row(campaign.id, group.key ?? "")
                    out.row(group.tally.donations, end: true)
                }
            }
        case .honourRoll:
            out.header(["name", "unit", "donations", "milestone"])
            for donor in figures.honourRoll {
                out.row(donor.name ?? "", donor.unit ?? "")
                out.row(donor.donations, donor.milestone, end: true)
            }
        }
        return out.bytes
    }
}

/// CSV text written cell by cell: commas between cells, a line end after each row.
struct CSVText {
    private var buffer = TextBuffer()
    private var atRowStart = true

    mutating func header(_ names: [String]) {
        row(names, end: true)
    }

    mutating func row(_ cells: String..., end: Bool = false) {
        row(cells, end: end)
    }

    mutating func row(_ cells: [String], end: Bool) {
        for cell in cells {
            separate()
            Escape.csvCell(cell, into: &buffer)
        }
        if end { endRow() }
    }

    /// Numbers never need quoting or a formula guard.
    mutating func row(_ cells: Int..., end: Bool = false) {
        for cell in cells {
            separate()
            buffer.append(cell)
        }
        if end { endRow() }
    }

    private mutating func separate() {
        if !atRowStart { buffer.append(byte: UInt8(ascii: ",")) }
        atRowStart = false
    }

    private mutating func endRow() {
        buffer.append(byte: 0x0A)
        atRowStart = true
    }

    var bytes: [UInt8] { buffer.bytes }
}

/// The Atom feed and the sitemap.
struct Syndication {
    var config: SiteConfig
    var paths: SitePaths

    struct Entry {
        var title: String
        var link: String
        var date: Day
        var summary: String?
    }

    func atom(_ entries: [Entry]) -> String {
        let updated = entries.map(\.date).max() ?? Day(year: 2000, month: 1, day: 1)!
        var out =
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(config.language.rawValue)\">\n"
        out += "  <title>\(Escape.html(config.title))</title>\n"
        if !config.description.isEmpty { out += "  <subtitle>\(Escape.html(config.description))</subtitle>\n" }
        out += "  <link href=\"\(Escape.html(config.absoluteURL(paths.feed)))\" rel=\"self\"/>\n"
        out += "  <link href=\"\(Escape.html(config.baseURL))\"/>\n"
        out += "  <id>\(Escape.html(config.baseURL))</id>\n  <updated>\(updated.iso)T00:00:00Z</updated>\n"
        out += "  <author><name>\(Escape.html(config.author))</name></author>\n"
        for entry in entries {
            let url = Escape.html(config.absoluteURL(entry.link))
            out += "  <entry>\n    <title>\(Escape.html(entry.title))</title>\n    <link href=\"\(url)\"/>\n"
            out += "    <id>\(url)</id>\n    <updated>\(entry.date.iso)T00:00:00Z</updated>\n"
            if let summary = entry.summary { out += "    <summary>\(Escape.html(summary))</summary>\n" }
            out += "  </entry>\n"
        }
        return out + "</feed>\n"
    }

    func sitemap(_ urls: [(link: String, lastmod: Day?)]) -> String {
        var out =
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for url in urls {
            out += "  <url><loc>\(Escape.html(config.absoluteURL(url.link)))</loc>"
            if let lastmod = url.lastmod { out += "<lastmod>\(lastmod.iso)</lastmod>" }
            out += "</url>\n"
        }
        return out + "</urlset>\n"
    }
}
