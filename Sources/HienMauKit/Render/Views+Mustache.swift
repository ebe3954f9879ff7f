import Mustache

// Field lookup for the templates without reflection: swift-mustache asks a
// `MustacheParent` for a child by name, and otherwise walks a `Mirror`,
// which costs far more on sites with thousands of pages.

/// A view behind a class reference. swift-mustache casts the objects it
/// looks names up in (`as? MustacheParent`, …) for every tag; casting a
/// struct copies it into a new box first, which for a page's view (dozens
/// of strings) cost more than the lookup.
final class ViewBox: MustacheParent {
    let view: any MustacheParent

    init(_ view: any MustacheParent) {
        self.view = view
    }

    func child(named name: String) -> Any? {
        view.child(named: name)
    }
}

extension SiteView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": return title
        case "description": return description
        case "language": return language
        case "home": return home
        case "stylesheet": return stylesheet
        case "feed": return feed
        case "search": return search
        case "menu": return menu
        case "l": return l
        default: return nil
        }
    }
}

extension MenuItem: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": return title
        case "url": return url
        case "current": return current
        default: return nil
        }
    }
}

extension MetaView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": return title
        case "description": return description
        case "canonical": return canonical
        case "ogType": return ogType
        case "ogImage": return ogImage
        default: return nil
        }
    }
}

extension KPI: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": return label
        case "value": return value
        default: return nil
        }
    }
}

extension CampaignCard: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": return title
        case "url": return url
        case "dateText": return dateText
        case "dateISO": return dateISO
        case "summary": return summary
        case "location": return location
        case "donationsText": return donationsText
        case "progressText": return progressText
        case "draft": return draft
        default: return nil
        }
    }
}

extension Award: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "recipient": return recipient
        case "kind": return kind
        case "award": return award
        case "issuer": return issuer
        case "year": return year
        default: return nil
        }
    }
}

extension HomeView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "site": return ViewBox(site)
        case "meta": return ViewBox(meta)
        case "kpis": return kpis
        case "trendHTML": return trendHTML
        case "latest": return latest
        case "hasMore": return hasMore
        case "campaignsURL": return campaignsURL
        default: return nil
        }
    }
}

extension CampaignListView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "site": return ViewBox(site)
        case "meta": return ViewBox(meta)
        case "campaigns": return campaigns
        default: return nil
        }
    }
}

extension CampaignView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "site": return ViewBox(site)
        case "meta": return ViewBox(meta)
        case "title": return title
        case "dateText": return dateText
        case "dateISO": return dateISO
        case "organizer": return organizer
        case "location": return location
        case "period": return period
        case "hospitals": return hospitals
        case "hasHospitals": return hasHospitals
        case "coverURL": return coverURL
        case "coverAlt": return coverAlt
        case "kpis": return kpis
        case "progressHTML": return progressHTML
        case "bodyHTML": return bodyHTML
        case "detailsHTML": return detailsHTML
        case "rollHTML": return rollHTML
        case "draft": return draft
        default: return nil
        }
    }
}

extension StatsView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "site": return ViewBox(site)
        case "meta": return ViewBox(meta)
        case "kpis": return kpis
        case "trendHTML": return trendHTML
        case "campaignsTableHTML": return campaignsTableHTML
        case "downloads": return downloads
        default: return nil
        }
    }
}

extension Download: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": return title
        case "url": return url
        default: return nil
        }
    }
}

extension HonoursView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "site": return ViewBox(site)
        case "meta": return ViewBox(meta)
        case "rollHTML": return rollHTML
        case "pagerHTML": return pagerHTML
        case "awards": return awards
        case "hasAwards": return hasAwards
        case "milestonesText": return milestonesText
        case "downloadURL": return downloadURL
        default: return nil
        }
    }
}

extension PageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "site": return ViewBox(site)
        case "meta": return ViewBox(meta)
        case "title": return title
        case "bodyHTML": return bodyHTML
        default: return nil
        }
    }
}

extension NotFoundView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "site": return ViewBox(site)
        case "meta": return ViewBox(meta)
        default: return nil
        }
    }
}

extension SearchEntry: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": return title
        case "url": return url
        case "detail": return detail
        case "folded": return folded
        default: return nil
        }
    }
}

extension SearchView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "site": return ViewBox(site)
        case "meta": return ViewBox(meta)
        case "entries": return entries
        case "script": return script
        default: return nil
        }
    }
}
