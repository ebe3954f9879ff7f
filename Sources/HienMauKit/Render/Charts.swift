/// Charts as inline SVG, made at build time: no JavaScript. Each has a title and
/// a description for screen readers; the numbers are also in a table beside it.
struct Charts {
    var labels: Labels

    static let width = 640

    /// Horizontal bars, one per group: donations by site, unit or blood group.
    func bars(id: String, title: String, description: String, items: [(label: String, value: Int)]) -> String {
        let barHeight = 24, gap = 8, left = 210, right = 70
        let height = max(1, items.count) * (barHeight + gap) + gap
        let maximum = max(1, items.map(\.value).max() ?? 1)
        var svg = open(id: id, title: title, description: description, height: height)
        for (i, item) in items.enumerated() {
            let y = gap + i * (barHeight + gap)
            let length = Int((Double(Self.width - left - right) * Double(item.value) / Double(maximum)).rounded())
            svg += "<text x=\"\(left - 8)\" y=\"\(y + 17)\" text-anchor=\"end\" class=\"label\">\(Escape.html(short(item.label)))</text>"
            svg += "<rect x=\"\(left)\" y=\"\(y)\" width=\"\(max(length, 1))\" height=\"\(barHeight)\" class=\"bar\"/>"
            svg += "<text x=\"\(left + length + 6)\" y=\"\(y + 17)\" class=\"value\">\(labels.integer(item.value))</text>"
        }
        return svg + "</svg>"
    }

    /// Donations against the target as one bar with the target marked.
    func progress(id: String, title: String, donations: Int, target: Int?) -> String {
        let height = 64, left = 8, right = 8
        let scale = Double(max(donations, target ?? donations, 1))
        let usable = Double(Self.width - left - right)
        let done = Int((usable * Double(donations) / scale).rounded())
        var description = labels.t("\(labels.integer(donations)) đơn vị máu", "\(labels.integer(donations)) units")
        if let target, target > 0 {
            description += labels.t(
                " trên chỉ tiêu \(labels.integer(target)), đạt \(labels.percent(Double(donations) / Double(target)))",
                " against a target of \(labels.integer(target)), \(labels.percent(Double(donations) / Double(target)))")
        }
        var svg = open(id: id, title: title, description: description, height: height)
        svg += "<rect x=\"\(left)\" y=\"8\" width=\"\(Int(usable))\" height=\"28\" class=\"track\"/>"
        svg += "<rect x=\"\(left)\" y=\"8\" width=\"\(max(done, 1))\" height=\"28\" class=\"bar\"/>"
        if let target, target > 0 {
            let x = left + Int((usable * Double(target) / scale).rounded())
            svg += "<line x1=\"\(x)\" y1=\"2\" x2=\"\(x)\" y2=\"42\" class=\"target\"/>"
            let anchor = x > Self.width / 2 ? "end" : "start"
            svg += "<text x=\"\(x)\" y=\"58\" text-anchor=\"\(anchor)\" class=\"label\">\(Escape.html(labels.target)): \(labels.integer(target))</text>"
        }
        svg += "<text x=\"\(left + 6)\" y=\"27\" class=\"on-bar\">\(Escape.html(description))</text>"
        return svg + "</svg>"
    }

    /// Cumulative donations by date, with the target as a dashed line.
    func cumulative(id: String, title: String, points: [(Day, Int)], target: Int?) -> String {
        let height = 260, left = 56, right = 16, top = 16, bottom = 40
        var running = 0
        let cumulative = points.map { day, value -> (Day, Int) in running += value; return (day, running) }
        let maximum = Double(max(running, target ?? 0, 1))
        let first = cumulative.first?.0.ordinal ?? 0
        let span = Double(max((cumulative.last?.0.ordinal ?? 0) - first, 1))
        let plotW = Double(Self.width - left - right), plotH = Double(height - top - bottom)
        func x(_ day: Day) -> Int { left + Int((plotW * Double(day.ordinal - first) / span).rounded()) }
        func y(_ value: Int) -> Int { top + Int((plotH * (1 - Double(value) / maximum)).rounded()) }
        let description = labels.t(
            "Tổng cộng \(labels.integer(running)) đơn vị máu sau \(cumulative.count) ngày hiến máu",
            "\(labels.integer(running)) units in all after \(cumulative.count) collection days")
        var svg = open(id: id, title: title, description: description, height: height)
        svg += "<line x1=\"\(left)\" y1=\"\(y(0))\" x2=\"\(Self.width - right)\" y2=\"\(y(0))\" class=\"axis\"/>"
        svg += "<text x=\"\(left - 6)\" y=\"\(y(0) + 4)\" text-anchor=\"end\" class=\"label\">0</text>"
        svg += "<text x=\"\(left - 6)\" y=\"\(y(Int(maximum)) + 4)\" text-anchor=\"end\" class=\"label\">\(labels.integer(Int(maximum)))</text>"
        if let target, target > 0 {
            svg += "<line x1=\"\(left)\" y1=\"\(y(target))\" x2=\"\(Self.width - right)\" y2=\"\(y(target))\" class=\"target\"/>"
            svg += "<text x=\"\(Self.width - right)\" y=\"\(y(target) - 4)\" text-anchor=\"end\" class=\"label\">\(Escape.html(labels.target))</text>"
        }
        if cumulative.count == 1, let only = cumulative.first {
            svg += "<circle cx=\"\(x(only.0))\" cy=\"\(y(only.1))\" r=\"4\" class=\"dot\"/>"
        } else if !cumulative.isEmpty {
            let path = cumulative.map { "\(x($0.0)),\(y($0.1))" }.joined(separator: " ")
            svg += "<polyline points=\"\(path)\" class=\"line\"/>"
        }
        if let firstDay = cumulative.first?.0, let lastDay = cumulative.last?.0 {
            svg += "<text x=\"\(left)\" y=\"\(height - 12)\" class=\"label\">\(labels.date(firstDay))</text>"
            if lastDay != firstDay {
                svg += "<text x=\"\(Self.width - right)\" y=\"\(height - 12)\" text-anchor=\"end\" class=\"label\">\(labels.date(lastDay))</text>"
            }
        }
        return svg + "</svg>"
    }

    /// Vertical bars over time: the all-campaign trend, one bar per year.
    func columns(id: String, title: String, description: String, items: [(label: String, value: Int)]) -> String {
        let height = 240, left = 16, right = 16, top = 24, bottom = 32
        let maximum = Double(max(1, items.map(\.value).max() ?? 1))
        let slot = Double(Self.width - left - right) / Double(max(items.count, 1))
        let barW = max(4, Int(slot * 0.6))
        var svg = open(id: id, title: title, description: description, height: height)
        let baseY = height - bottom
        svg += "<line x1=\"\(left)\" y1=\"\(baseY)\" x2=\"\(Self.width - right)\" y2=\"\(baseY)\" class=\"axis\"/>"
        for (i, item) in items.enumerated() {
            let h = Int((Double(baseY - top) * Double(item.value) / maximum).rounded())
            let cx = left + Int(slot * (Double(i) + 0.5))
            svg += "<rect x=\"\(cx - barW / 2)\" y=\"\(baseY - h)\" width=\"\(barW)\" height=\"\(max(h, 1))\" class=\"bar\"/>"
            svg += "<text x=\"\(cx)\" y=\"\(baseY - h - 6)\" text-anchor=\"middle\" class=\"value\">\(labels.integer(item.value))</text>"
            svg += "<text x=\"\(cx)\" y=\"\(height - 10)\" text-anchor=\"middle\" class=\"label\">\(Escape.html(item.label))</text>"
        }
        return svg + "</svg>"
    }

    private func open(id: String, title: String, description: String, height: Int) -> String {
        "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 \(Self.width) \(height)\" aria-labelledby=\"\(id)-t \(id)-d\" xmlns=\"http://www.w3.org/2000/svg\">"
            + "<title id=\"\(id)-t\">\(Escape.html(title))</title><desc id=\"\(id)-d\">\(Escape.html(description))</desc>"
    }

    private func short(_ label: String) -> String {
        label.count > 28 ? String(label.prefix(27)) + "…" : label
    }
}
