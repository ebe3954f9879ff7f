/// Accessible HTML tables: a caption, column headers, and the first cell of each row as its header.
///
/// A table too wide for a phone (more than four columns, or three or four
/// with names longer than a date) has the class `stack` and each figure a
/// `data-label` with its column's heading: on a narrow screen the stylesheet
/// shows each row as a block, the name on a line of its own and each figure
/// after its heading. It stays a table, for screen readers and in print.
enum TableHTML {
    struct Row {
        var header: String
        var cells: [String]
        /// Where the row's header links to, if anywhere.
        var link: String?
    }

    /// Names up to this many characters (a date, a year, a blood group) leave
    /// room for three figures beside them on a 360 px screen.
    static let shortName = 12

    static func stacks(columns: Int, rows: [Row]) -> Bool {
        columns > 2 && (columns > 4 || rows.contains { $0.header.count > shortName })
    }

    /// - Parameters: text arguments are plain text and are escaped here.
    static func render(id: String?, caption: String, columns: [String], rows: [Row], footer: Row? = nil) -> [UInt8] {
        let stack = stacks(columns: columns.count, rows: footer.map { rows + [$0] } ?? rows)
        let labels = stack ? columns.dropFirst().map { " data-label=\"\(Escape.html($0))\"" } : []
        var out = TextBuffer(capacity: 256 + rows.count * (stack ? 160 : 96))
        out.append("<div class=\"table-wrap\"><table")
        if let id {
            out.append(" id=\"")
            Escape.html(id, into: &out)
            out.append("\"")
        }
        if stack { out.append(" class=\"stack\"") }
        out.append("><caption>")
        Escape.html(caption, into: &out)
        out.append("</caption><thead><tr>")
        for (i, column) in columns.enumerated() {
            out.append(i > 0 ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">")
            Escape.html(column, into: &out)
            out.append("</th>")
        }
        out.append("</tr></thead><tbody>")
        for row in rows { line(row, labels: labels, into: &out) }
        out.append("</tbody>")
        if let footer {
            out.append("<tfoot>")
            line(footer, labels: labels, into: &out)
            out.append("</tfoot>")
        }
        out.append("</table></div>\n")
        return out.bytes
    }

    /// - Parameter labels: ` data-label="…"` for each cell, or none.
    private static func line(_ row: Row, labels: [String], into out: inout TextBuffer) {
        out.append("<tr><th scope=\"row\">")
        if let link = row.link {
            out.append("<a href=\"")
            Escape.html(link, into: &out)
            out.append("\">")
            Escape.html(row.header, into: &out)
            out.append("</a>")
        } else {
            Escape.html(row.header, into: &out)
        }
        out.append("</th>")
        for (i, cell) in row.cells.enumerated() {
            out.append("<td class=\"num\"")
            if i < labels.count { out.append(labels[i]) }
            out.append(">")
            Escape.html(cell, into: &out)
            out.append("</td>")
        }
        out.append("</tr>")
    }
}

/// The `stats` tables of a campaign or of the whole site.
struct StatsTables {
    var labels: Labels

    func totals(_ tally: Tally, target: Int?, progress: Double?, caption: String, id: String?) -> [UInt8] {
        let columns = [labels.t("Chỉ số", "Figure"), labels.t("Giá trị", "Value")]
        var rows = [
            TableHTML.Row(header: labels.registrations, cells: [labels.integer(tally.registrations)]),
            TableHTML.Row(header: labels.donations, cells: [labels.integer(tally.donations)]),
            TableHTML.Row(header: labels.deferred, cells: [labels.integer(tally.deferred)]),
            TableHTML.Row(header: labels.volume, cells: [labels.integer(tally.volumeML)]),
        ]
        if let target {
            rows.append(TableHTML.Row(header: labels.target, cells: [labels.integer(target)]))
        }
        if let progress {
            rows.append(TableHTML.Row(header: labels.progress, cells: [labels.percent(progress)]))
        }
        return TableHTML.render(id: id, caption: caption, columns: columns, rows: rows)
    }

    func breakdown(_ figures: CampaignFigures, by: Breakdown, caption: String, id: String?) -> [UInt8] {
        switch by {
        case .bloodGroup:
            let rows = figures.byBloodGroup.map {
                TableHTML.Row(header: $0.key ?? labels.unknown, cells: [labels.integer($0.tally.donations)])
            }
            return TableHTML.render(
                id: id, caption: caption, columns: [labels.bloodGroup, labels.donations], rows: rows)
        case .date:
            return table(
                figures.byDate.map { ($0.key.map(labels.date) ?? labels.unknown, $0.tally) },
                first: labels.date, caption: caption, id: id)
        case .site:
            return table(
                figures.bySite.map { ($0.key ?? labels.unknown, $0.tally) },
                first: labels.site, caption: caption, id: id)
        case .unit:
            return table(
                figures.byUnit.map { ($0.key ?? labels.unknown, $0.tally) },
                first: labels.unit, caption: caption, id: id)
        }
    }

    private func table(_ groups: [(String, Tally)], first: String, caption: String, id: String?) -> [UInt8] {
        let rows = groups.map { name, tally in
            TableHTML.Row(
                header: name,
                cells: [
                    labels.integer(tally.registrations), labels.integer(tally.donations),
                    labels.integer(tally.volumeML),
                ])
        }
        return TableHTML.render(
            id: id, caption: caption, columns: [first, labels.registrations, labels.donations, labels.volume],
            rows: rows)
    }
}
