/// What a figure block asks for, once its options are read.
public enum FigureSpec: Sendable, Equatable {
    case stats(Breakdown?)
    case chart(ChartKind)
    case honourRoll(min: Int?)

    public enum ChartKind: Sendable, Equatable {
        case progress, cumulative
        case breakdown(Breakdown)
    }

    /// Reads a block's YAML options; every problem is reported at its line in `file`.
    static func parse(_ block: FigureBlock, file: SourceFile, diagnostics: inout Diagnostics) -> FigureSpec? {
        let fenceLine = block.line
        func report(_ line: Int, _ column: Int, _ message: Message, hint: Message? = nil) {
            let fileLine = fenceLine + line
            diagnostics.error(file.location(line: fileLine, column: column), message, hint: hint,
                              line: file.line(fileLine))
        }
        var entries: [YAMLPair] = []
        do {
            if let node = try YAMLValue.parse(block.options) {
                guard case .pairs(let pairs, _) = node else {
                    report(1, 1, Message(vi: "tuỳ chọn của khối \(block.kind.rawValue) phải là các cặp 'khoá: giá trị'",
                                         en: "\(block.kind.rawValue) options must be 'key: value' pairs"))
                    return nil
                }
                entries = pairs
            }
        } catch {
            report(error.mark?.line ?? 1, error.mark?.column ?? 1, error.message)
            return nil
        }

        let known: [String] = block.kind == .honourRoll ? ["min"] : ["by"]
        var ok = true
        for entry in entries where !known.contains(entry.key) {
            ok = false
            let allowed = known.map { "'\($0)'" }.joined(separator: ", ")
            report(entry.keyMark.line, entry.keyMark.column,
                   Message(vi: "khối \(block.kind.rawValue) không có tuỳ chọn '\(entry.key)'; chỉ có \(allowed)",
                           en: "\(block.kind.rawValue) has no option '\(entry.key)'; it takes \(allowed)"),
                   hint: Suggest.closest(to: entry.key, among: known).map {
                       Message(vi: "có phải ý bạn là '\($0)'?", en: "did you mean '\($0)'?") })
        }
        let value = entries.first(where: { known.contains($0.key) })
        switch block.kind {
        case .honourRoll:
            guard let value else { return ok ? .honourRoll(min: nil) : nil }
            guard let min = value.value.int, min > 0 else {
                report(value.value.mark.line, value.value.mark.column,
                       Message(vi: "'min' phải là số nguyên dương, không phải \(value.value.shortDescription)",
                               en: "'min' must be a positive whole number, not \(value.value.shortDescription)"))
                return nil
            }
            return ok ? .honourRoll(min: min) : nil
        case .stats, .chart:
            let allowed = block.kind == .stats
                ? Breakdown.allCases.map(\.rawValue)
                : ["progress", "date", "site", "unit", "blood_group"]
            guard let value else {
                return ok ? (block.kind == .stats ? .stats(nil) : .chart(.progress)) : nil
            }
            let text = value.value.string ?? ""
            guard allowed.contains(text) else {
                report(value.value.mark.line, value.value.mark.column,
                       Message(vi: "'by: \(text)' không hợp lệ; dùng một trong: \(allowed.joined(separator: ", "))",
                               en: "'by: \(text)' is not valid; use one of: \(allowed.joined(separator: ", "))"),
                       hint: Suggest.closest(to: text, among: allowed).map {
                           Message(vi: "có phải ý bạn là '\($0)'?", en: "did you mean '\($0)'?") })
                return nil
            }
            guard ok else { return nil }
            if block.kind == .stats { return .stats(Breakdown(rawValue: text)) }
            switch text {
            case "progress": return .chart(.progress)
            case "date": return .chart(.cumulative)
            default: return .chart(.breakdown(Breakdown(rawValue: text)!))
            }
        }
    }
}
