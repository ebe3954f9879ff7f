/// What a figure's table shows: a campaign's totals or one breakdown.
enum FigureTable: Hashable {
    case totals
    case by(Breakdown)
}

extension FigureSpec {
    /// The table this figure gives or stands for; nil for an honour roll.
    var table: FigureTable? {
        switch self {
        case .stats(nil), .chart(.progress): return .totals
        case .stats(let by?): return .by(by)
        case .chart(.cumulative): return .by(.date)
        case .chart(.breakdown(let by)): return .by(by)
        case .honourRoll: return nil
        }
    }

    var isStats: Bool {
        if case .stats = self { return true } else { return false }
    }
}

/// Turns a figure block into HTML for one campaign: a table, a chart with its
/// table, or an honour roll.
struct FigureRenderer {
    var labels: Labels
    var milestones: [Int]

    /// The figures that every campaign page shows, in this order, unless its
    /// write-up already shows the same breakdown.
    static let standard: [FigureSpec] = [
        .chart(.cumulative), .chart(.breakdown(.site)), .stats(.unit), .stats(.bloodGroup),
    ]

    /// A campaign page's figures: `blocks` for the write-up's blocks, in
    /// order, and `details`, the standard figures for each breakdown the
    /// write-up does not show. Each breakdown has one table on the page: its
    /// first `stats` block gives it, or else its first chart; any other chart
    /// of it links to that table, and another `stats` block of it too.
    func page(_ written: [FigureSpec], campaign: Campaign, figures: CampaignFigures, roll: [HonouredDonor])
        -> (blocks: [[UInt8]], details: [UInt8])
    {
        var owner: [FigureTable: Int] = [:]
        for (index, spec) in written.enumerated() where spec.isStats {
            owner[spec.table!] = owner[spec.table!] ?? index
        }
        for (index, spec) in written.enumerated() { if let key = spec.table, owner[key] == nil { owner[key] = index } }
        let blocks = written.enumerated().map { index, spec -> [UInt8] in
            let shared = spec.table.flatMap { owner[$0] }.flatMap { $0 == index ? nil : "fig-\($0 + 1)-table" }
            return render(
                spec, campaign: campaign, figures: figures, roll: roll, idPrefix: "fig-\(index + 1)",
                tableElsewhere: shared)
        }
        var details = TextBuffer()
        for (index, spec) in Self.standard.enumerated() where owner[spec.table!] == nil {
            details.append(render(spec, campaign: campaign, figures: figures, roll: roll, idPrefix: "std-\(index + 1)"))
        }
        if details.bytes.isEmpty {
            // The write-up shows every breakdown: the section points to its tables.
            details.append("<p class=\"table-ref\">")
            Escape.html(labels.t("Các bảng số liệu có trong bài: ", "The tables are in the write-up: "), into: &details)
            for (n, spec) in Self.standard.enumerated() {
                let key = spec.table!
                details.append(n == 0 ? "" : n == Self.standard.count - 1 ? labels.t(" và ", " and ") : ", ")
                details.append("<a href=\"#fig-\(owner[key]! + 1)-table\">")
                Escape.html(caption(key), into: &details)
                details.append("</a>")
            }
            details.append(".</p>\n")
        }
        return (blocks, details.bytes)
    }

    /// - Parameter idPrefix: makes element ids unique on the page.
    /// - Parameter tableElsewhere: the id of a table on the page that already
    ///   gives this figure's numbers: a chart links to it instead of repeating
    ///   it, a table becomes a link to it.
    func render(
        _ spec: FigureSpec, campaign: Campaign, figures: CampaignFigures, roll: [HonouredDonor],
        idPrefix: String, tableElsewhere: String? = nil
    ) -> [UInt8] {
        let tables = StatsTables(labels: labels)
        let charts = Charts(labels: labels)
        let tableID = "\(idPrefix)-table"
        if let tableElsewhere, spec.isStats {
            return reference(to: tableElsewhere, caption: spec == .stats(nil) ? totalsCaption : caption(spec.table!))
        }
        switch spec {
        case .stats(nil):
            return tables.totals(
                figures.totals, target: figures.targetUnits, progress: figures.progress,
                caption: totalsCaption, id: tableID)
        case .stats(let by?):
            return tables.breakdown(figures, by: by, caption: caption(by), id: tableID)
        case .chart(.progress):
            let title = labels.t("Tiến độ so với chỉ tiêu", "Progress against target")
            return figure(
                charts.progress(
                    id: idPrefix, title: title, donations: figures.totals.donations,
                    target: figures.targetUnits),
                table: tableElsewhere == nil
                    ? tables.totals(
                        figures.totals, target: figures.targetUnits,
                        progress: figures.progress, caption: title, id: tableID) : [],
                tableID: tableElsewhere ?? tableID)
        case .chart(.cumulative):
            let title = labels.t("Số đơn vị máu cộng dồn theo ngày", "Cumulative donations by date")
            let points = figures.byDate.compactMap { group in group.key.map { ($0, group.tally.donations) } }
            // A campaign of one day has nothing to draw over time: its table is enough.
            if points.count < 2 {
                return tableElsewhere.map { reference(to: $0, caption: caption(.date)) }
                    ?? tables.breakdown(figures, by: .date, caption: caption(.date), id: tableID)
            }
            return figure(
                charts.cumulative(id: idPrefix, title: title, points: points, target: figures.targetUnits),
                table: tableElsewhere == nil
                    ? tables.breakdown(figures, by: .date, caption: caption(.date), id: tableID) : [],
                tableID: tableElsewhere ?? tableID)
        case .chart(.breakdown(let by)):
            let title = caption(by)
            let items: [(label: String, value: Int)]
            switch by {
            case .site: items = figures.bySite.map { ($0.key ?? labels.unknown, $0.tally.donations) }
            case .unit: items = figures.byUnit.map { ($0.key ?? labels.unknown, $0.tally.donations) }
            case .bloodGroup: items = figures.byBloodGroup.map { ($0.key ?? labels.unknown, $0.tally.donations) }
            case .date: items = figures.byDate.map { ($0.key.map(labels.date) ?? labels.unknown, $0.tally.donations) }
            }
            let description =
                labels.t("\(items.count) nhóm; nhiều nhất: ", "\(items.count) groups; largest: ")
                + (items.max(by: { $0.value < $1.value }).map { "\($0.label) (\(labels.integer($0.value)))" } ?? "–")
            return figure(
                charts.bars(id: idPrefix, title: title, description: description, items: items),
                table: tableElsewhere == nil ? tables.breakdown(figures, by: by, caption: title, id: tableID) : [],
                tableID: tableElsewhere ?? tableID)
        case .honourRoll(let min):
            let lowest = min ?? milestones.first ?? 1
            return HonourRollHTML(labels: labels).render(
                roll.filter { $0.milestone >= lowest }, headingLevel: 3,
                emptyText: labels.t(
                    "Chưa có người hiến đạt mốc vinh danh trong chiến dịch này.",
                    "No donor in this campaign has reached a milestone yet."))
        }
    }

    var totalsCaption: String { labels.t("Kết quả chung", "Totals") }

    func caption(_ by: Breakdown) -> String {
        labels.t("Kết quả ", "Results ") + labels.breakdownTitle(by)
    }

    func caption(_ table: FigureTable) -> String {
        switch table {
        case .totals: return totalsCaption
        case .by(let by): return caption(by)
        }
    }

    /// A chart with a link to the table that gives its figures, then the
    /// table; `table` is empty when it is elsewhere on the page.
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

    /// Where a write-up asks a second time for a table the page already has.
    func reference(to tableID: String, caption: String) -> [UInt8] {
        var out = TextBuffer(capacity: 128)
        out.append("<p class=\"table-ref\">")
        Escape.html(labels.t("Số liệu này có trong bảng ", "These figures are in the table "), into: &out)
        out.append("<a href=\"#\(tableID)\">")
        Escape.html(caption, into: &out)
        out.append("</a>.</p>\n")
        return out.bytes
    }
}

/// An honour roll grouped by highest milestone, donors in roll order.
struct HonourRollHTML {
    var labels: Labels

    /// `roll` may be one page of a longer roll: `groupSizes` then gives each
    /// milestone's size in the whole roll (for the badge), and `firstNumber`
    /// the place of the page's first donor in its milestone's list.
    func render(
        _ roll: some Collection<HonouredDonor>, headingLevel: Int, emptyText: String,
        groupSizes: [Int: Int]? = nil, firstNumber: Int = 1
    ) -> [UInt8] {
        guard !roll.isEmpty else { return Array("<p class=\"empty\">\(Escape.html(emptyText))</p>\n".utf8) }
        var out = TextBuffer(capacity: 128 + roll.count * 128)
        out.append("<div class=\"honour-roll\">")
        var groups: [(Int, [HonouredDonor])] = []
        for donor in roll {
            if groups.last?.0 == donor.milestone {
                groups[groups.count - 1].1.append(donor)
            } else {
                groups.append((donor.milestone, [donor]))
            }
        }
        let anonymous = Escape.html(labels.anonymous), times = " " + labels.t("lần", "times") + "</span></li>"
        var number = firstNumber
        for (milestone, donors) in groups.sorted(by: { $0.0 > $1.0 }) {
            let size = groupSizes?[milestone] ?? donors.count
            out.append(
                "<section class=\"milestone\"><h\(headingLevel)>\(Escape.html(labels.milestoneHeading(milestone)))")
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
