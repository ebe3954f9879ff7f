internal import CCmark

/// A write-up's body as HTML, with each figure block (```` ```stats ````,
/// ```` ```chart ````, ```` ```honour-roll ````) replaced by a marker that the page
/// renderer fills in. The Markdown does not depend on the data, so it can be
/// rendered before, or beside, the CSV aggregation.
public struct MarkdownDocument: Sendable {
    public var html: String
    public var figures: [FigureBlock]
}

/// A fenced figure block as written: its kind, its YAML options and its line in the file.
public struct FigureBlock: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case stats, chart
        case honourRoll = "honour-roll"
    }

    public var kind: Kind
    public var options: String
    public var line: Int

    /// The marker left in the HTML where the figure goes.
    public static func marker(_ index: Int) -> String { "<!--hienmau-figure:\(index)-->" }

    /// Puts `figures[n]` where marker n is, in one pass over the bytes.
    static func fill(_ html: String, with figures: [[UInt8]]) -> [UInt8] {
        let bytes = Array(html.utf8)
        guard !figures.isEmpty else { return bytes }
        let prefix = Array("<!--hienmau-figure:".utf8), suffix = Array("-->".utf8)
        var out = TextBuffer(capacity: bytes.count + figures.reduce(0) { $0 + $1.count })
        // Text is copied in runs up to each marker.
        var copied = 0, i = 0
        while let open = bytes[i...].firstIndex(of: prefix[0]) {
            i = open + 1
            guard bytes[open...].starts(with: prefix) else { continue }
            var j = open + prefix.count, number = 0
            while j < bytes.count && bytes[j] >= 0x30 && bytes[j] <= 0x39 && number < 1_000_000 {
                number = number * 10 + Int(bytes[j] - 0x30)
                j += 1
            }
            guard j > open + prefix.count, bytes[j...].starts(with: suffix), number < figures.count else { continue }
            out.append(bytes: bytes[copied..<open])
            out.append(figures[number])
            copied = j + suffix.count
            i = copied
        }
        out.append(bytes: bytes[copied...])
        return out.bytes
    }
}

/// The one file that talks to libcmark. Nothing of cmark's types leaves it.
public enum Markdown {
    /// Renders CommonMark to HTML.
    /// - Parameters:
    ///   - text: the Markdown body.
    ///   - unsafeHTML: keep raw HTML (`site.yml` `unsafe_html`); dropped by default.
    ///   - basePath: the site's path prefix; root-relative links are rewritten to start with it.
    ///   - firstLine: the file line of the body's first line, for figure block positions.
    public static func render(_ text: String, unsafeHTML: Bool, basePath: String, firstLine: Int) -> MarkdownDocument {
        var options = CMARK_OPT_VALIDATE_UTF8
        if unsafeHTML { options |= CMARK_OPT_UNSAFE }
        let utf8 = Array(text.utf8)
        guard let document = utf8.withUnsafeBufferPointer({ buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, options) }
        }) else {
            return MarkdownDocument(html: "", figures: [])
        }
        defer { cmark_node_free(document) }

        var figures: [FigureBlock] = []
        var replacements: [(OpaquePointer, Int)] = []
        if let iterator = cmark_iter_new(document) {
            defer { cmark_iter_free(iterator) }
            while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
                switch cmark_node_get_type(node) {
                case CMARK_NODE_CODE_BLOCK:
                    let info = string(cmark_node_get_fence_info(node))
                    let word = info.split(whereSeparator: \.isWhitespace).first.map(String.init) ?? ""
                    if let kind = FigureBlock.Kind(rawValue: word) {
                        figures.append(FigureBlock(
                            kind: kind, options: string(cmark_node_get_literal(node)),
                            line: Int(cmark_node_get_start_line(node)) + firstLine - 1))
                        replacements.append((node, figures.count - 1))
                    }
                case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                    let url = string(cmark_node_get_url(node))
                    if url.hasPrefix("/") && !url.hasPrefix("//") && basePath != "/" {
                        _ = cmark_node_set_url(node, basePath + url.dropFirst())
                    }
                default:
                    break
                }
            }
        }
        for (node, index) in replacements {
            // A custom block prints its text as it is, in safe mode too.
            guard let marker = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            _ = cmark_node_set_on_enter(marker, FigureBlock.marker(index))
            _ = cmark_node_set_on_exit(marker, "")
            _ = cmark_node_replace(node, marker)
            cmark_node_free(node)
        }
        guard let html = cmark_render_html(document, options) else { return MarkdownDocument(html: "", figures: figures) }
        defer { free(html) }
        return MarkdownDocument(html: String(cString: html), figures: figures)
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
