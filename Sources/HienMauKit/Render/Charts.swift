/// Charts as inline SVG, made at build time: no JavaScript. Each has a title and
/// a description for screen readers; the numbers are also in a table on the page.
///
/// A chart has no `viewBox`: it is as wide as the column it stands in and as
/// high as its `height`, with horizontal positions in per cent of its width and
/// vertical ones in pixels. Its text is therefore drawn at the stylesheet's size
/// on a 360 px phone as on a desktop, never scaled down, and every label is
/// placed so that it fits in the narrowest chart, `narrowest` pixels wide.
struct Charts {
    var labels: Labels

    /// The width a chart's labels must fit in: a 320 px screen less the margins.
    static let narrowest = 288.0

    /// About how wide `text` is in the 13 px labels, in pixels, erring wide:
    /// measured on DejaVu Sans, wider than the fonts phones have.
    static func width(of text: String) -> Double {
        var total = 0.0
        for character in text {
            if character == " " {
                total += 4.2
            } else if character.isNumber {
                total += 8.3
            } else if "iìíỉĩịIÌÍỈĨỊlj.,:;!'’|()".contains(character) {
                total += 4.8
            } else if "tfr".contains(character) {
                total += 5.6
            } else if "mwMW".contains(character) {
                total += 12
            } else if character.isUppercase {
                total += 9.8
            } else {
                total += 8.1
            }
        }
        return total
    }

    /// The share of the narrowest chart, in per cent, that `text` takes with a little room.
    static func share(_ text: String) -> Double {
        ((width(of: text) + 8) / narrowest * 100).rounded(.up)
    }

    /// Horizontal bars, one per group: donations by site, unit or blood group.
    /// Short names (blood groups) stand to the left of their bars; longer ones
    /// on a line of their own above, where a 40-character name fits a phone.
    /// The figure is at the bar's end; the longest bar leaves room for the
    /// longest figure.
    func bars(id: String, title: String, description: String, items: [(label: String, value: Int)]) -> String {
        let lineHeight = 17, gap = 12
        let maximum = max(1, items.map(\.value).max() ?? 1)
        let room = min(45, items.map { Self.share(labels.integer($0.value)) }.max() ?? 10)
        let nameWidth = items.map { Self.share($0.label) }.max() ?? 10
        if nameWidth <= 30 {
            let barHeight = 20
            let height = items.count * (barHeight + gap) + gap
            var svg = open(id: id, title: title, description: description, height: height)
            for (i, item) in items.enumerated() {
                let y = gap + i * (barHeight + gap)
                let length = max((100 - nameWidth - room) * Double(item.value) / Double(maximum), 0.3)
                svg += "<text x=\"0\" y=\"\(y + 15)\" class=\"label\">\(Escape.html(item.label))</text>"
                svg +=
                    "<rect x=\"\(percent(nameWidth))\" y=\"\(y)\" width=\"\(percent(length))\" height=\"\(barHeight)\" class=\"bar\"/>"
                svg +=
                    "<text x=\"\(percent(nameWidth + length))\" dx=\"6\" y=\"\(y + 15)\" class=\"value\">\(labels.integer(item.value))</text>"
            }
            return svg + "</svg>"
        }
        let barHeight = 16
        let lines = items.map { wrap($0.label) }
        let height = lines.reduce(gap) { $0 + $1.count * lineHeight + 4 + barHeight + gap }
        var svg = open(id: id, title: title, description: description, height: height)
        var y = gap
        for (item, name) in zip(items, lines) {
            for line in name {
                y += lineHeight
                svg += "<text x=\"0\" y=\"\(y - 4)\" class=\"label\">\(Escape.html(line))</text>"
            }
            y += 4
            let length = max((100 - room) * Double(item.value) / Double(maximum), 0.3)
            svg += "<rect x=\"0\" y=\"\(y)\" width=\"\(percent(length))\" height=\"\(barHeight)\" class=\"bar\"/>"
            svg +=
                "<text x=\"\(percent(length))\" dx=\"6\" y=\"\(y + 13)\" class=\"value\">\(labels.integer(item.value))</text>"
            y += barHeight + gap
        }
        return svg + "</svg>"
    }

    /// Donations against the target as one bar with the target marked: the
    /// figures above the bar, the target's label under its mark.
    func progress(id: String, title: String, donations: Int, target: Int?) -> String {
        let height = 84
        let scale = Double(max(donations, target ?? donations, 1))
        var description = labels.t("\(labels.integer(donations)) đơn vị máu", "\(labels.integer(donations)) units")
        var headline = description
        if let target, target > 0 {
            let share = labels.percent(Double(donations) / Double(target))
            description += labels.t(
                " trên chỉ tiêu \(labels.integer(target)), đạt \(share)",
                " against a target of \(labels.integer(target)), \(share)")
            headline += labels.t(" · đạt \(share)", " · \(share) of target")
        }
        var svg = open(id: id, title: title, description: description, height: height)
        svg += "<text x=\"0\" y=\"18\" class=\"headline\">\(Escape.html(headline))</text>"
        svg += "<rect x=\"0\" y=\"28\" width=\"100%\" height=\"26\" class=\"track\"/>"
        svg +=
            "<rect x=\"0\" y=\"28\" width=\"\(percent(max(100 * Double(donations) / scale, 0.3)))\" height=\"26\" class=\"bar\"/>"
        if let target, target > 0 {
            let x = 100 * Double(target) / scale
            svg += "<line x1=\"\(percent(x))\" y1=\"22\" x2=\"\(percent(x))\" y2=\"60\" class=\"target\"/>"
            let anchor = x > 50 ? "end" : "start"
            svg +=
                "<text x=\"\(percent(x))\" y=\"76\" text-anchor=\"\(anchor)\" class=\"label\">\(Escape.html(labels.target)): \(labels.integer(target))</text>"
        }
        return svg + "</svg>"
    }

    /// Cumulative donations by date, with the target as a dashed line. The
    /// scale's two figures sit above their grid lines at the left, the first
    /// and last dates under the axis.
    func cumulative(id: String, title: String, points: [(Day, Int)], target: Int?) -> String {
        let height = 240, top = 28, bottom = 40
        var running = 0
        let cumulative = points.map { day, value -> (Day, Int) in
            running += value
            return (day, running)
        }
        let maximum = Double(max(running, target ?? 0, 1))
        let first = cumulative.first?.0.ordinal ?? 0
        let span = Double(max((cumulative.last?.0.ordinal ?? 0) - first, 1))
        let plotH = Double(height - top - bottom), baseY = height - bottom
        // Per cent of the width, kept off the edges so that the line's ends show whole.
        func x(_ day: Day) -> Double { 1 + 98 * Double(day.ordinal - first) / span }
        func y(_ value: Int) -> Int { top + Int((plotH * (1 - Double(value) / maximum)).rounded()) }
        let description = labels.t(
            "Tổng cộng \(labels.integer(running)) đơn vị máu sau \(cumulative.count) ngày hiến máu",
            "\(labels.integer(running)) units in all after \(cumulative.count) collection days")
        var svg = open(id: id, title: title, description: description, height: height)
        svg += "<line x1=\"0\" y1=\"\(y(Int(maximum)))\" x2=\"100%\" y2=\"\(y(Int(maximum)))\" class=\"grid\"/>"
        svg += "<line x1=\"0\" y1=\"\(baseY)\" x2=\"100%\" y2=\"\(baseY)\" class=\"axis\"/>"
        // The labels stand at the left, where a running total is lowest.
        let targetText = "\(Escape.html(labels.target)): \(labels.integer(target ?? 0))"
        if let target, target > 0, target >= running {
            svg += "<text x=\"0\" y=\"\(y(target) - 6)\" class=\"label\">\(targetText)</text>"
        } else {
            svg += "<text x=\"0\" y=\"\(y(running) - 6)\" class=\"label\">\(labels.integer(running))</text>"
        }
        if let target, target > 0 {
            svg += "<line x1=\"0\" y1=\"\(y(target))\" x2=\"100%\" y2=\"\(y(target))\" class=\"target\"/>"
            if target < running {
                // Under the line when it is close to the top one, above it otherwise.
                let labelY = y(target) - top < 20 ? y(target) + 17 : y(target) - 6
                svg += "<text x=\"0\" y=\"\(labelY)\" class=\"label\">\(targetText)</text>"
            }
        }
        if cumulative.count > 1 {
            // The line in a box of 1000 × plot height, stretched to the chart's width; its stroke keeps its width.
            let path = cumulative.map { "\(Int((x($0.0) * 10).rounded())),\(y($0.1) - top)" }.joined(separator: " ")
            svg +=
                "<svg x=\"0\" y=\"\(top)\" width=\"100%\" height=\"\(Int(plotH))\" viewBox=\"0 0 1000 \(Int(plotH))\" preserveAspectRatio=\"none\" overflow=\"visible\">"
            svg += "<polyline points=\"\(path)\" class=\"line\" vector-effect=\"non-scaling-stroke\"/></svg>"
        }
        if let last = cumulative.last {
            svg += "<circle cx=\"\(percent(x(last.0)))\" cy=\"\(y(last.1))\" r=\"4\" class=\"dot\"/>"
        }
        if let firstDay = cumulative.first?.0, let lastDay = cumulative.last?.0 {
            svg += "<text x=\"0\" y=\"\(height - 12)\" class=\"label\">\(labels.date(firstDay))</text>"
            if lastDay != firstDay {
                svg +=
                    "<text x=\"100%\" y=\"\(height - 12)\" text-anchor=\"end\" class=\"label\">\(labels.date(lastDay))</text>"
            }
        }
        return svg + "</svg>"
    }

    /// Vertical bars over time: the all-campaign trend, one bar per year.
    /// With many years, every few bars carry their year and figure, so that
    /// the labels never run into each other on a phone.
    func columns(id: String, title: String, description: String, items: [(label: String, value: Int)]) -> String {
        let height = 240, top = 28, bottom = 32
        let maximum = Double(max(1, items.map(\.value).max() ?? 1))
        let slot = 100 / Double(max(items.count, 1))
        let widest = items.map { max(Self.share($0.label), Self.share(labels.integer($0.value))) }.max() ?? 10
        let step = max(1, Int((Double(items.count) * widest / 100).rounded(.up)))
        var svg = open(id: id, title: title, description: description, height: height)
        let baseY = height - bottom
        svg += "<line x1=\"0\" y1=\"\(baseY)\" x2=\"100%\" y2=\"\(baseY)\" class=\"axis\"/>"
        for (i, item) in items.enumerated() {
            let h = Int((Double(baseY - top) * Double(item.value) / maximum).rounded())
            let centre = slot * (Double(i) + 0.5)
            svg +=
                "<rect x=\"\(percent(centre - slot * 0.3))\" y=\"\(baseY - max(h, 1))\" width=\"\(percent(slot * 0.6))\" height=\"\(max(h, 1))\" class=\"bar\"/>"
            guard (items.count - 1 - i) % step == 0 else { continue }
            svg +=
                "<text x=\"\(percent(centre))\" y=\"\(baseY - h - 6)\" text-anchor=\"middle\" class=\"value\">\(labels.integer(item.value))</text>"
            svg +=
                "<text x=\"\(percent(centre))\" y=\"\(height - 10)\" text-anchor=\"middle\" class=\"label\">\(Escape.html(item.label))</text>"
        }
        return svg + "</svg>"
    }

    private func open(id: String, title: String, description: String, height: Int) -> String {
        "<svg class=\"chart\" role=\"img\" width=\"100%\" height=\"\(height)\" aria-labelledby=\"\(id)-t \(id)-d\" xmlns=\"http://www.w3.org/2000/svg\">"
            + "<title id=\"\(id)-t\">\(Escape.html(title))</title><desc id=\"\(id)-d\">\(Escape.html(description))</desc>"
    }

    /// A share of the chart's width, to a hundredth of a per cent.
    private func percent(_ value: Double) -> String {
        let hundredths = Int((min(max(value, 0), 100) * 100).rounded())
        let whole = hundredths / 100, rest = hundredths % 100
        return rest == 0
            ? "\(whole)%" : rest % 10 == 0 ? "\(whole).\(rest / 10)%" : "\(whole).\(rest < 10 ? "0" : "")\(rest)%"
    }

    /// A label on one line, or on up to three when it does not fit the
    /// narrowest chart; a longer one ends with "…" (the table has it whole).
    private func wrap(_ label: String) -> [String] {
        let fits = { (line: String) in Self.width(of: line) <= Self.narrowest }
        guard !fits(label) else { return [label] }
        var lines: [String] = [], current = ""
        for word in label.split(separator: " ") {
            let longer = current.isEmpty ? String(word) : current + " " + word
            if current.isEmpty || fits(longer) {
                current = longer
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        lines.append(current)
        func cut(_ line: String) -> String {
            var line = line
            while !line.isEmpty && !fits(line + "…") { line.removeLast() }
            return line + "…"
        }
        lines = lines.map { fits($0) ? $0 : cut($0) }
        if lines.count > 3 {
            lines = Array(lines.prefix(3))
            lines[2] = cut(lines[2])
        }
        return lines
    }
}
