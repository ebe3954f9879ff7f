extension Diagnostics {
    /// The same diagnostics with at most `WarningLimit.limit` warnings of one
    /// kind, the first ones in file, line and column order, and for each kind
    /// cut short one more warning that says how many were left out. The
    /// README promises this for every kind: the records' warnings are capped
    /// as they are found (`WarningLimit`), the rest (unknown keys, however
    /// many files they are spread over) here, once the build is done.
    public func cappingWarnings() -> Diagnostics {
        var seen: [String: Int] = [:]
        var leftOut: [String: (first: Diagnostic, count: Int)] = [:]
        var order: [String] = []
        var kept: [Diagnostic] = []
        for diagnostic in sorted {
            guard !diagnostic.isError else {
                kept.append(diagnostic)
                continue
            }
            let key = Self.kindKey(diagnostic)
            let count = seen[key, default: 0] + 1
            seen[key] = count
            if count <= WarningLimit.limit {
                kept.append(diagnostic)
            } else if let known = leftOut[key] {
                leftOut[key] = (known.first, known.count + 1)
            } else {
                leftOut[key] = (diagnostic, 1)
                order.append(key)
            }
        }
        guard !order.isEmpty else { return self }
        for key in order {
            let (first, count) = leftOut[key]!
            let what = first.kind ?? first.message
            kept.append(
                Diagnostic(
                    .warning, at: SourceLocation(file: first.location.file, line: first.location.line, column: 1),
                    Message(
                        vi:
                            "còn \(VietnameseFormat.integer(count)) cảnh báo khác cùng loại: \(what.vi) (chỉ hiện \(WarningLimit.limit) cảnh báo đầu)",
                        en:
                            "\(count) more warnings of this kind: \(what.en) (only the first \(WarningLimit.limit) are shown)"
                    )))
        }
        return Diagnostics(kept)
    }

    /// The kind's name, or the English message without what is quoted and without digits.
    static func kindKey(_ diagnostic: Diagnostic) -> String {
        if let kind = diagnostic.kind { return "kind:" + kind.en }
        var out = "", quote: Character?
        for character in diagnostic.message.en {
            if let open = quote {
                if character == open {
                    quote = nil
                    out.append(character)
                }
            } else if character == "'" || character == "\"" {
                quote = character
                out.append(character)
            } else if !character.isNumber {
                out.append(character)
            }
        }
        return out
    }
}
