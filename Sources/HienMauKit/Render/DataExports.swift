/// The open data: `data/campaigns.json`, `data/honour-roll.json` and the CSV downloads.
/// Only aggregates and the honour roll are written; nothing per row ever is.
struct DataExports {
    var campaigns: [Campaign]
    var figures: SiteFigures
    var honours: [Honour]
    var paths: SitePaths

    func campaignsJSON() -> String {
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
        return JSON.object([("totals", totals), ("campaigns", .array(list))]).serialized()
    }

    func honourRollJSON() -> String {
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
        return JSON.object([("donors", .array(donors)), ("awards", .array(awards))]).serialized()
    }

    /// File name → CSV text.
    func csvFiles() -> [(String, String)] {
        func csv(_ header: [String], _ rows: [[String]]) -> String {
            ([header] + rows).map { $0.map(Escape.csvCell).joined(separator: ",") }.joined(separator: "\n") + "\n"
        }
        var summary: [[String]] = []
        var bySite: [[String]] = [], byDate: [[String]] = [], byUnit: [[String]] = [], byGroup: [[String]] = []
        for campaign in campaigns {
            guard let f = figures.campaign(campaign.id) else { continue }
            let t = f.totals
            summary.append([campaign.id, campaign.title, campaign.start?.iso ?? "", campaign.end?.iso ?? "",
                            campaign.targetUnits.map(String.init) ?? "", String(t.registrations), String(t.donations),
                            String(t.deferred), String(t.volumeML), f.progress.map { "\($0)" } ?? ""])
            func counts(_ tally: Tally) -> [String] {
                [String(tally.registrations), String(tally.donations), String(tally.volumeML)]
            }
            bySite += f.bySite.map { [campaign.id, $0.key ?? ""] + counts($0.tally) }
            byDate += f.byDate.map { [campaign.id, $0.key?.iso ?? ""] + counts($0.tally) }
            byUnit += f.byUnit.map { [campaign.id, $0.key ?? ""] + counts($0.tally) }
            byGroup += f.byBloodGroup.map { [campaign.id, $0.key ?? "", String($0.tally.donations)] }
        }
        let tallyHeader = ["registrations", "donations", "volume_ml"]
        return [
            ("campaigns.csv", csv(["id", "title", "start", "end", "target_units", "registrations", "donations",
                                   "deferred", "volume_ml", "progress"], summary)),
            ("by-site.csv", csv(["campaign", "site"] + tallyHeader, bySite)),
            ("by-date.csv", csv(["campaign", "date"] + tallyHeader, byDate)),
            ("by-unit.csv", csv(["campaign", "unit"] + tallyHeader, byUnit)),
            ("by-blood-group.csv", csv(["campaign", "blood_group", "donations"], byGroup)),
            ("honour-roll.csv", csv(["name", "unit", "donations", "milestone"], figures.honourRoll.map {
                [$0.name ?? "", $0.unit ?? "", String($0.donations), String($0.milestone)]
            })),
        ]
    }
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
