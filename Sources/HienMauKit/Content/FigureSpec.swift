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
        var options = OptionReader(block: block, file: file)
        defer { diagnostics.append(contentsOf: options.diagnostics) }
        guard let entries = options.entries() else { return nil }
        let known: [String] = block.kind == .honourRoll ? ["min"] : ["by"]
        let ok = options.checkKeys(of: entries, known: known)
        let value = entries.first(where: { known.contains($0.key) })?.value
        switch block.kind {
        case .honourRoll: return options.honourRoll(value, ok: ok)
        case .stats, .chart: return options.breakdown(value, ok: ok)
        }
    }
}

/// One figure block's options, read with their problems; lines count from the block's fence.
private struct OptionReader {
    let block: FigureBlock
    let file: SourceFile
    var diagnostics = Diagnostics()

    init(block: FigureBlock, file: SourceFile) {
        self.block = block
        self.file = file
    }

    private mutating func report(_ line: Int, _ column: Int, _ message: Message, hint: Message? = nil) {
        let fileLine = block.line + line
        diagnostics.error(
            file.location(line: fileLine, column: column), message, hint: hint,
            line: file.line(fileLine))
    }

    private func didYouMean(_ text: String, among allowed: [String]) -> Message? {
        Suggest.closest(to: text, among: allowed).map {
            Message(vi: "có phải ý bạn là '\($0)'?", en: "did you mean '\($0)'?")
        }
    }

    /// The `key: value` pairs (none when the block has no options); nil after a reported problem.
    mutating func entries() -> [YAMLPair]? {
        do {
            guard let node = try YAMLValue.parse(block.options) else { return [] }
            guard case .pairs(let pairs, _) = node else {
                report(
                    1, 1,
                    Message(
                        vi: "tuỳ chọn của khối \(block.kind.rawValue) phải là các cặp 'khoá: giá trị'",
                        en: "\(block.kind.rawValue) options must be 'key: value' pairs"))
                return nil
            }
            return pairs
        } catch {
            report(error.mark?.line ?? 1, error.mark?.column ?? 1, error.message)
            return nil
        }
    }

    /// Reports every key the block does not take; true when there was none.
    mutating func checkKeys(of entries: [YAMLPair], known: [String]) -> Bool {
        var ok = true
        for entry in entries where !known.contains(entry.key) {
            ok = false
            let allowed = known.map { "'\($0)'" }.joined(separator: ", ")
            report(
                entry.keyMark.line, entry.keyMark.column,
                Message(
                    vi: "khối \(block.kind.rawValue) không có tuỳ chọn '\(entry.key)'; chỉ có \(allowed)",
                    en: "\(block.kind.rawValue) has no option '\(entry.key)'; it takes \(allowed)"),
                hint: didYouMean(entry.key, among: known))
        }
        return ok
    }

    /// `honour-roll`, with `min` if given.
    mutating func honourRoll(_ value: YAMLValue?, ok: Bool) -> FigureSpec? {
        guard let value else { return ok ? .honourRoll(min: nil) : nil }
        guard let min = value.int, min > 0 else {
            report(
                value.mark.line, value.mark.column,
                Message(
                    vi: "'min' phải là số nguyên dương, không phải \(value.shortDescription)",
                    en: "'min' must be a positive whole number, not \(value.shortDescription)"))
            return nil
        }
        return ok ? .honourRoll(min: min) : nil
    }

    /// `stats` or `chart`, with `by` if given.
    mutating func breakdown(_ value: YAMLValue?, ok: Bool) -> FigureSpec? {
        let isStats = block.kind == .stats
        let allowed =
            isStats ? Breakdown.allCases.map(\.rawValue) : ["progress", "date", "site", "unit", "blood_group"]
        guard let value else {
            return ok ? (isStats ? .stats(nil) : .chart(.progress)) : nil
        }
        let text = value.string ?? ""
        guard allowed.contains(text) else {
            report(
                value.mark.line, value.mark.column,
                Message(
                    vi: "'by: \(text)' không hợp lệ; dùng một trong: \(allowed.joined(separator: ", "))",
                    en: "'by: \(text)' is not valid; use one of: \(allowed.joined(separator: ", "))"),
                hint: didYouMean(text, among: allowed))
            return nil
        }
        guard ok else { return nil }
        if isStats { return .stats(Breakdown(rawValue: text)) }
        switch text {
        case "progress": return .chart(.progress)
        case "date": return .chart(.cumulative)
        default: return .chart(.breakdown(Breakdown(rawValue: text)!))
        }
    }
}
