/// The open data: `data/campaigns.json`, `data/honour-roll.json` and the CSV downloads.
/// Only aggregates and the honour roll are written; nothing per row ever is.
struct DataExports {
    var campaigns: [Campaign]
    var figures: SiteFigures
    var honours: [Honour]
    var paths: SitePaths

    func campaignsJSON() -> [UInt8] {
        let t = figures.totals
        let totals = JSON.object([
            ("campaigns", .int(campaigns.count)), ("registrations", .int(t.registrations)),
            ("donations", .int(t.donations)), ("deferred", .int(t.deferred)), ("volume_ml", .int(t.volumeML)),
        ])
        let list = campaigns.compactMap { campaign -> JSON? in
            guard let f = figures.campaign(campaign.id) else { return nil }
            func tally(_ key: String, _ name: JSON, _ tally: Tally) -> JSON {
                .object([(key, name), ("registrations", .int(tally.registrations)),
                         ("donations", .int(tally.donations)), ("volume_ml", .int(tally.volumeML))])
            }
            return .object([
                ("id", .string(campaign.id)), ("slug", .string(campaign.slug)),
                ("url", .string(paths.campaign(campaign.slug))), ("title", .string(campaign.title)),
                ("date", .string(campaign.date.iso)),
                ("start", .optional(campaign.start?.iso)), ("end", .optional(campaign.end?.iso)),
                ("target_units", campaign.targetUnits.map(JSON.int) ?? .null),
                ("registrations", .int(f.totals.registrations)), ("donations", .int(f.totals.donations)),
                ("deferred", .int(f.totals.deferred)), ("volume_ml", .int(f.totals.volumeML)),
                ("progress", f.progress.map(JSON.double) ?? .null),
                ("by_site", .array(f.bySite.map { tally("site", .optional($0.key), $0.tally) })),
                ("by_date", .array(f.byDate.map { tally("date", .optional($0.key?.iso), $0.tally) })),
                ("by_unit", .array(f.byUnit.map { tally("unit", .optional($0.key), $0.tally) })),
                ("by_blood_group", .array(f.byBloodGroup.map {
                    .object([("blood_group", .optional($0.key)), ("donations", .int($0.tally.donations))])
                })),
            ])
        }
        return JSON.object([("totals", totals), ("campaigns", .array(list))]).serializedBytes()
    }

    func honourRollJSON() -> [UInt8] {
        let donors = figures.honourRoll.map { donor in
            JSON.object([
                ("name", .optional(donor.name)), ("unit", .optional(donor.unit)),
                ("donations", .int(donor.donations)), ("milestone", .int(donor.milestone)),
            ])
        }
        let awards = honours.map { honour in
            JSON.object([
                ("recipient", .string(honour.recipient)), ("kind", .string(honour.kind.rawValue)),
                ("award", .string(honour.award)), ("issuer", .string(honour.issuer)), ("year", .int(honour.year)),
            ])
        }
        return JSON.object([("donors", .array(donors)), ("awards", .array(awards))]).serializedBytes()
    }

    /// The CSV downloads. Each is made on its own, so they render in parallel.
    enum CSVFile: String, CaseIterable {
        case campaigns = "campaigns.csv", bySite = "by-site.csv", byDate = "by-date.csv", byUnit = "by-unit.csv"
        case byBloodGroup = "by-blood-group.csv", honourRoll = "honour-roll.csv"
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
            out.header(["id", "title", "start", "end", "target_units", "registrations", "donations",
                        "deferred", "volume_ml", "progress"])
            for campaign in campaigns {
                guard let f = figures.campaign(campaign.id) else { continue }
                let t = f.totals
                out.row(campaign.id, campaign.title, campaign.start?.iso ?? "", campaign.end?.iso ?? "",
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
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(config.language.rawValue)\">\n"
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
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for url in urls {
            out += "  <url><loc>\(Escape.html(config.absoluteURL(url.link)))</loc>"
            if let lastmod = url.lastmod { out += "<lastmod>\(lastmod.iso)</lastmod>" }
            out += "</url>\n"
        }
        return out + "</urlset>\n"
    }
}
