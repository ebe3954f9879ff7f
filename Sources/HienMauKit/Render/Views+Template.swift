// Field lookup for the templates: each view answers a name with a switch,
// so a tag costs a string comparison or two, never reflection.

extension SiteView: TemplateObject {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "title": return .text(title)
        case "description": return .text(description)
        case "language": return .text(language)
        case "home": return .text(home)
        case "stylesheet": return .text(stylesheet)
        case "feed": return .text(feed)
        case "search": return .text(search)
        case "menu": return .objects(menu)
        case "l": return .object(l)
        default: return nil
        }
    }
}

extension MenuItem: TemplateObject {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "title": return .text(title)
        case "url": return .text(url)
        case "current": return .flag(current)
        default: return nil
        }
    }
}

extension MetaView: TemplateObject {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "title": return .text(title)
        case "description": return .text(description)
        case "canonical": return .text(canonical)
        case "ogType": return .text(ogType)
        case "ogImage": return .optional(ogImage)
        case "ogImageAlt": return .optional(ogImageAlt)
        case "ogImageWidth": return ogImage == nil ? nil : .text(String(ImageOptions().card.width))
        case "ogImageHeight": return ogImage == nil ? nil : .text(String(ImageOptions().card.height))
        default: return nil
        }
    }
}

extension KPI: TemplateObject {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "label": return .text(label)
        case "value": return .text(value)
        default: return nil
        }
    }
}

extension CampaignCard: TemplateObject {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "title": return .text(title)
        case "url": return .text(url)
        case "dateText": return .text(dateText)
        case "dateISO": return .text(dateISO)
        case "summary": return .optional(summary)
        case "location": return .optional(location)
        case "donationsText": return .text(donationsText)
        case "progressText": return .optional(progressText)
        case "draft": return .flag(draft)
        default: return nil
        }
    }
}

extension Award: TemplateObject {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "recipient": return .text(recipient)
        case "kind": return .text(kind)
        case "award": return .text(award)
        case "issuer": return .text(issuer)
        case "year": return .text(year)
        default: return nil
        }
    }
}

extension HomeView: TemplateObject {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "site": return .object(site)
        case "meta": return .object(meta)
        case "kpis": return .objects(kpis)
        case "trendHTML": return .html(trendHTML)
        case "latest": return .objects(latest)
        case "hasMore": return .flag(hasMore)
        case "campaignsURL": return .text(campaignsURL)
        default: return nil
        }
    }
}

extension CampaignListView: TemplateObject {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "site": return .object(site)
        case "meta": return .object(meta)
        case "heading": return .text(heading)
        case "years": return .objects(years)
        case "hasYears": return .flag(!years.isEmpty)
        case "subheading": return .optional(subheading)
        case "campaigns": return .objects(campaigns)
        case "pagerHTML": return .text(pagerHTML)
        case "hasPager": return .flag(!pagerHTML.isEmpty)
        default: return nil
        }
    }
}

extension YearLink: TemplateObject {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "year": return .text(year)
        case "url": return .text(url)
        case "countText": return .text(countText)
        case "current": return .flag(current)
        default: return nil
        }
    }
}

extension CampaignView: TemplateObject {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "site": return .object(site)
        case "meta": return .object(meta)
        case "title": return .text(title)
        case "dateText": return .text(dateText)
        case "dateISO": return .text(dateISO)
        case "organizer": return .optional(organizer)
        case "location": return .optional(location)
        case "period": return .optional(period)
        case "hospitals": return .list(hospitals.map(TemplateValue.text))
        case "hasHospitals": return .flag(hasHospitals)
        case "coverURL": return .optional(coverURL)
        case "coverAlt": return .text(coverAlt)
        case "coverHTML": return coverHTML.map { .html(Array($0.utf8)) }
        case "coverCaption": return .optional(coverCaption)
        case "kpis": return .objects(kpis)
        case "progressHTML": return .optional(progressHTML)
        case "bodyHTML": return .html(bodyHTML)
        case "detailsHTML": return .html(detailsHTML)
        case "rollHTML": return .html(rollHTML)
        case "draft": return .flag(draft)
        default: return nil
        }
    }
}

extension StatsView: TemplateObject {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "site": return .object(site)
        case "meta": return .object(meta)
        case "kpis": return .objects(kpis)
        case "trendHTML": return .html(trendHTML)
        case "campaignsTableHTML": return .html(campaignsTableHTML)
        case "downloads": return .objects(downloads)
        default: return nil
        }
    }
}

extension Download: TemplateObject {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "title": return .text(title)
        case "url": return .text(url)
        default: return nil
        }
    }
}

extension HonoursView: TemplateObject {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "site": return .object(site)
        case "meta": return .object(meta)
        case "rollHTML": return .html(rollHTML)
        case "pagerHTML": return .text(pagerHTML)
        case "awards": return .objects(awards)
        case "hasAwards": return .flag(hasAwards)
        case "milestonesText": return .text(milestonesText)
        case "downloadURL": return .text(downloadURL)
        default: return nil
        }
    }
}

extension PageView: TemplateObject {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "site": return .object(site)
        case "meta": return .object(meta)
        case "title": return .text(title)
        case "bodyHTML": return .text(bodyHTML)
        default: return nil
        }
    }
}

extension NotFoundView: TemplateObject {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "site": return .object(site)
        case "meta": return .object(meta)
        default: return nil
        }
    }
}

extension SearchEntry: TemplateObject {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "title": return .text(title)
        case "url": return .text(url)
        case "detail": return .text(detail)
        case "folded": return .text(folded)
        default: return nil
        }
    }
}

extension SearchView: TemplateObject {
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "site": return .object(site)
        case "meta": return .object(meta)
        case "entries": return .objects(entries)
        case "script": return .text(script)
        default: return nil
        }
    }
}
