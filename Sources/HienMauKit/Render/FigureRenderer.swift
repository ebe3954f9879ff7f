/// Turns a figure block into HTML for one campaign: a table, a chart with its
/// table, or an honour roll.
struct FigureRenderer {
    var labels: Labels
    var milestones: [Int]

    /// - Parameter idPrefix: makes element ids unique on the page.
    func render(_ spec: FigureSpec, campaign: Campaign, figures: CampaignFigures, roll: [HonouredDonor],
                idPrefix: String) -> [UInt8] {
        let tables = StatsTables(labels: labels)
        let charts = Charts(labels: labels)
        let tableID = "\(idPrefix)-table"
        switch spec {
        case .stats(nil):
            return tables.totals(figures.totals, target: figures.targetUnits, progress: figures.progress,
                                 caption: labels.t("Kết quả chung", "Totals"), id: tableID)
        case .stats(let by?):
            return tables.breakdown(figures, by: by, caption: caption(by), id: tableID)
        case .chart(.progress):
            let title = labels.t("Tiến độ so với chỉ tiêu", "Progress against target")
            return figure(charts.progress(id: idPrefix, title: title, donations: figures.totals.donations,
                                          target: figures.targetUnits),
                          table: tables.totals(figures.totals, target: figures.targetUnits, progress: figures.progress,
                                               caption: title, id: tableID), tableID: tableID)
        case .chart(.cumulative):
            let title = labels.t("Số đơn vị máu cộng dồn theo ngày", "Cumulative donations by date")
            let points = figures.byDate.compactMap { group in group.key.map { ($0, group.tally.donations) } }
            return figure(charts.cumulative(id: idPrefix, title: title, points: points, target: figures.targetUnits),
                          table: tables.breakdown(figures, by: .date, caption: caption(.date), id: tableID),
                          tableID: tableID)
        case .chart(.breakdown(let by)):
            let title = caption(by)
            let items: [(label: String, value: Int)]
            switch by {
            case .site: items = figures.bySite.map { ($0.key ?? labels.unknown, $0.tally.donations) }
            case .unit: items = figures.byUnit.map { ($0.key ?? labels.unknown, $0.tally.donations) }
            case .bloodGroup: items = figures.byBloodGroup.map { ($0.key ?? labels.unknown, $0.tally.donations) }
            case .date: items = figures.byDate.map { ($0.key.map(labels.date) ?? labels.unknown, $0.tally.donations) }
            }
            let description = labels.t("\(items.count) nhóm; nhiều nhất: ", "\(items.count) groups; largest: ")
                + (items.max(by: { $0.value < $1.value }).map { "\($0.label) (\(labels.integer($0.value)))" } ?? "–")
            return figure(charts.bars(id: idPrefix, title: title, description: description, items: items),
                          table: tables.breakdown(figures, by: by, caption: title, id: tableID), tableID: tableID)
        case .honourRoll(let min):
            let lowest = min ?? milestones.first ?? 1
            return HonourRollHTML(labels: labels).render(
                roll.filter { $0.milestone >= lowest }, headingLevel: 3,
                emptyText: labels.t("Chưa có người hiến đạt mốc vinh danh trong chiến dịch này.",
                                    "No donor in this campaign has reached a milestone yet."))
        }
    }

    func caption(_ by: Breakdown) -> String {
        labels.t("Kết quả ", "Results ") + labels.breakdownTitle(by)
    }

    /// A chart with a link to the table that gives its figures, then the table.
    func figure(_ svg: String, table: [UInt8], tableID: String) -> [UInt8] {
        var out = TextBuffer(capacity: svg.utf8.count + table.count + 128)
        out.append("<figure class=\"chart-figure\">")
        out.append(svg)
        out.append("<figcaption><a href=\"#\(tableID)\">")
        Escape.html(labels.dataTable, into: &out)
        out.append("</a></figcaption></figure>\n")
        out.append(table)
        return out.bytes
    }
}

/// An honour roll grouped by highest milestone, donors in roll order.
struct HonourRollHTML {
    var labels: Labels

    /// `roll` may be one page of a longer roll: `groupSizes` then gives each
    /// milestone's size in the whole roll (for the badge), and `firstNumber`
    /// the place of the page's first donor in its milestone's list.
    func render(_ roll: some Collection<HonouredDonor>, headingLevel: Int, emptyText: String,
                groupSizes: [Int: Int]? = nil, firstNumber: Int = 1) -> [UInt8] {
        guard !roll.isEmpty else { return Array("<p class=\"empty\">\(Escape.html(emptyText))</p>\n".utf8) }
        var out = TextBuffer(capacity: 128 + roll.count * 128)
        out.append("<div class=\"honour-roll\">")
        var groups: [(Int, [HonouredDonor])] = []
        for donor in roll {
            if groups.last?.0 == donor.milestone { groups[groups.count - 1].1.append(donor) } else {
                groups.append((donor.milestone, [donor]))
            }
        }
        let anonymous = Escape.html(labels.anonymous), times = " " + labels.t("lần", "times") + "</span></li>"
        var number = firstNumber
        for (milestone, donors) in groups.sorted(by: { $0.0 > $1.0 }) {
            let size = groupSizes?[milestone] ?? donors.count
            out.append("<section class=\"milestone\"><h\(headingLevel)>\(Escape.html(labels.milestoneHeading(milestone)))")
            out.append(" <span class=\"badge\">\(labels.integer(size))</span></h\(headingLevel)>")
            out.append(number == 1 ? "<ol class=\"donors\">" : "<ol class=\"donors\" start=\"\(number)\">")
            number = 1
            for donor in donors {
                if let name = donor.name {
                    out.append("<li><span class=\"name\">")
                    Escape.html(name, into: &out)
                    out.append("</span>")
                    if let unit = donor.unit {
                        out.append(" <span class=\"unit\">")
                        Escape.html(unit, into: &out)
                        out.append("</span>")
                    }
                } else {
                    out.append("<li class=\"anonymous\"><span class=\"name\">")
                    out.append(anonymous)
                    out.append("</span>")
                }
                out.append(" <span class=\"count\">")
                out.append(labels.integer(donor.donations))
                out.append(times)
            }
            out.append("</ol></section>")
        }
        out.append("</div>\n")
        return out.bytes
    }
}
