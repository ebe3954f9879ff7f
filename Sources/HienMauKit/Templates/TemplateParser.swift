/// A parsed Mustache template: text, tags and sections as a tree.
indirect enum TemplateNode: Sendable {
    case text(String)
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{& name}}`; an empty path is `{{.}}`.
    case variable(path: [String], escaped: Bool)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when inverted.
    case section(path: [String], inverted: Bool, body: [TemplateNode])
    /// `{{> name}}`; a standalone tag indents every line of the partial by its own indentation.
    /// `offset`: where the tag starts in the template's bytes, for a message about a missing one.
    case partial(name: String, indentation: String, offset: Int)
    /// `{{< name}}…{{/name}}`: renders `name` with the blocks defined inside.
    case parent(name: String, blocks: [String: [TemplateNode]], offset: Int)
    /// `{{$ name}}default{{/name}}`: replaced by a block of the same name from a child template.
    case block(name: String, body: [TemplateNode])
}

/// What is wrong with a template, at a byte offset of its text.
struct TemplateParseError: Error, Equatable {
    enum Kind: Equatable {
        case unclosedTag
        case closeDoesNotMatch
        case unclosedSection
        case badDelimiters
        case emptyName
    }
    var kind: Kind
    var offset: Int
}

/// Reads Mustache (the spec's tags, standalone lines, set delimiters, partials
/// and inheritance) into `TemplateNode`s, over the UTF-8 bytes of the text.
struct TemplateParser {
    private let bytes: [UInt8]
    private var open: [UInt8] = Array("{{".utf8)
    private var close: [UInt8] = Array("}}".utf8)
    private var position = 0
    /// Start of the line being read, and how many tags it has had: a tag alone
    /// on its line ("standalone") takes the whole line with it.
    private var lineStart = 0
    private var tagsOnLine = 0
    private var frames: [Frame] = [Frame(kind: .root, name: "", offset: 0)]

    private struct Frame {
        enum Kind {
            case root
            case section(inverted: Bool)
            case block, parent
        }
        var kind: Kind
        var name: String
        var offset: Int
        var nodes: [TemplateNode] = []
        var blocks: [String: [TemplateNode]] = [:]
    }

    static func parse(_ text: String) throws(TemplateParseError) -> [TemplateNode] {
        var parser = TemplateParser(bytes: Array(text.utf8))
        return try parser.parse()
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private mutating func parse() throws(TemplateParseError) -> [TemplateNode] {
        while let tagStart = find(open, from: position) {
            if let newline = bytes[position..<tagStart].lastIndex(of: 0x0A) {
                lineStart = newline + 1
                tagsOnLine = 0
            }
            try readTag(at: tagStart)
        }
        appendText(position..<bytes.count)
        guard frames.count == 1, let root = frames.last else {
            throw TemplateParseError(kind: .unclosedSection, offset: frames.last!.offset)
        }
        return root.nodes
    }

    private mutating func readTag(at tagStart: Int) throws(TemplateParseError) {
        var contentStart = tagStart + open.count
        let sigil = contentStart < bytes.count ? bytes[contentStart] : 0
        // `{{{name}}}` and `{{=<% %>=}}` end with their own character before the close delimiter.
        var ending = close
        switch sigil {
        case UInt8(ascii: "{"): ending = [UInt8(ascii: "}")] + close
        case UInt8(ascii: "="): ending = [UInt8(ascii: "=")] + close
        default: break
        }
        guard let contentEnd = find(ending, from: contentStart) else {
            throw TemplateParseError(kind: .unclosedTag, offset: tagStart)
        }
        let hasSigil = "#^/!><$={&%".utf8.contains(sigil)
        if hasSigil { contentStart += 1 }
        let content = trimmed(contentStart..<contentEnd)
        let shaping = hasSigil && sigil != UInt8(ascii: "{") && sigil != UInt8(ascii: "&")
        let indentation = advance(past: tagStart..<contentEnd + ending.count, shaping: shaping)
        try apply(sigil, content, indentation: indentation, at: tagStart)
    }

    /// Moves past the tag, with the text before it. A tag that only shapes
    /// the template, alone on its line with blanks, removes that line: then
    /// the blanks before it are returned, the indentation of a partial.
    private mutating func advance(past tag: Range<Int>, shaping: Bool) -> String {
        var lineEnd = tag.upperBound
        while lineEnd < bytes.count, bytes[lineEnd] == 0x20 || bytes[lineEnd] == 0x09 { lineEnd += 1 }
        let endsLine =
            lineEnd == bytes.count || bytes[lineEnd] == 0x0A
            || (bytes[lineEnd] == 0x0D && lineEnd + 1 < bytes.count && bytes[lineEnd + 1] == 0x0A)
        let standalone =
            shaping && endsLine && tagsOnLine == 0
            && bytes[lineStart..<tag.lowerBound].allSatisfy { $0 == 0x20 || $0 == 0x09 }
        guard standalone else {
            appendText(position..<tag.lowerBound)
            position = tag.upperBound
            tagsOnLine += 1
            return ""
        }
        appendText(position..<lineStart)
        let indentation = String(decoding: bytes[lineStart..<tag.lowerBound], as: UTF8.self)
        position = lineEnd == bytes.count ? lineEnd : lineEnd + (bytes[lineEnd] == 0x0D ? 2 : 1)
        lineStart = position
        tagsOnLine = 0
        return indentation
    }

    /// What a tag does, by its sigil.
    private mutating func apply(
        _ sigil: UInt8, _ content: String, indentation: String,
        at tagStart: Int
    ) throws(TemplateParseError) {
        switch sigil {
        case UInt8(ascii: "!"), UInt8(ascii: "%"):
            return  // a comment; a pragma (none is needed)
        case UInt8(ascii: "="):
            let parts = content.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
                throw TemplateParseError(kind: .badDelimiters, offset: tagStart)
            }
            open = Array(parts[0].utf8)
            close = Array(parts[1].utf8)
            return
        default:
            break
        }
        guard !content.isEmpty else { throw TemplateParseError(kind: .emptyName, offset: tagStart) }
        switch sigil {
        case UInt8(ascii: "#"): frames.append(Frame(kind: .section(inverted: false), name: content, offset: tagStart))
        case UInt8(ascii: "^"): frames.append(Frame(kind: .section(inverted: true), name: content, offset: tagStart))
        case UInt8(ascii: "$"): frames.append(Frame(kind: .block, name: content, offset: tagStart))
        case UInt8(ascii: "<"): frames.append(Frame(kind: .parent, name: content, offset: tagStart))
        case UInt8(ascii: "/"): try closeSection(content, at: tagStart)
        case UInt8(ascii: ">"): append(.partial(name: content, indentation: indentation, offset: tagStart))
        case UInt8(ascii: "{"), UInt8(ascii: "&"): append(.variable(path: Self.path(content), escaped: false))
        default: append(.variable(path: Self.path(content), escaped: true))
        }
    }

    private mutating func closeSection(_ name: String, at offset: Int) throws(TemplateParseError) {
        guard frames.count > 1, frames[frames.count - 1].name == name else {
            throw TemplateParseError(kind: .closeDoesNotMatch, offset: offset)
        }
        let frame = frames.removeLast()
        switch frame.kind {
        case .root:
            break
        case .section(let inverted):
            append(.section(path: Self.path(frame.name), inverted: inverted, body: frame.nodes))
        case .parent:
            append(.parent(name: frame.name, blocks: frame.blocks, offset: frame.offset))
        case .block:
            // Inside `{{<parent}}` a block overrides the parent's; elsewhere it is a default.
            if case .parent = frames[frames.count - 1].kind {
                frames[frames.count - 1].blocks[frame.name] = frame.nodes
            } else {
                append(.block(name: frame.name, body: frame.nodes))
            }
        }
    }

    /// Inside `{{<parent}}…{{/parent}}` only block definitions count; the rest is dropped.
    private mutating func append(_ node: TemplateNode) {
        if case .parent = frames[frames.count - 1].kind { return }
        frames[frames.count - 1].nodes.append(node)
    }

    private mutating func appendText(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        append(.text(String(decoding: bytes[range], as: UTF8.self)))
    }

    private func trimmed(_ range: Range<Int>) -> String {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper,
            bytes[lower] == 0x20 || bytes[lower] == 0x09 || bytes[lower] == 0x0A || bytes[lower] == 0x0D
        { lower += 1 }
        while upper > lower,
            bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x09 || bytes[upper - 1] == 0x0A || bytes[upper - 1] == 0x0D
        { upper -= 1 }
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }

    private func find(_ pattern: [UInt8], from start: Int) -> Int? {
        guard let first = pattern.first, start <= bytes.count - pattern.count else { return nil }
        var i = start
        while i <= bytes.count - pattern.count {
            if bytes[i] == first, bytes[i..<i + pattern.count].elementsEqual(pattern) { return i }
            i += 1
        }
        return nil
    }

    /// `a.b.c` → ["a", "b", "c"]; `.` → [] (the current value).
    static func path(_ name: String) -> [String] {
        name == "." ? [] : name.split(separator: ".").map(String.init)
    }
}

extension TemplateNode {
    /// Every `{{> name}}` and `{{< name}}` in `nodes`, with where each starts, in template order.
    static func references(in nodes: [TemplateNode]) -> [(name: String, offset: Int)] {
        var out: [(name: String, offset: Int)] = []
        func walk(_ nodes: [TemplateNode]) {
            for node in nodes {
                switch node {
                case .partial(let name, _, let offset):
                    out.append((name, offset))
                case .parent(let name, let blocks, let offset):
                    out.append((name, offset))
                    for key in blocks.keys.sorted() { walk(blocks[key]!) }
                case .section(_, _, let body), .block(_, let body):
                    walk(body)
                case .text, .variable:
                    break
                }
            }
        }
        walk(nodes)
        return out.sorted { $0.offset < $1.offset }
    }
}
