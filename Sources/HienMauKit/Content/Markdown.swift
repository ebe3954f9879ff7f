internal import CCmark

/// The one file that talks to libcmark. Nothing of cmark's types leaves it.
public enum Markdown {
    /// Renders CommonMark to HTML.
    /// - Parameters:
    ///   - text: the Markdown body.
    ///   - unsafeHTML: keep raw HTML (`site.yml` `unsafe_html`); dropped by default.
    ///   - basePath: the site's path prefix; root-relative links are rewritten to start with it.
    ///   - firstLine: the file line of the body's first line, for the positions of blocks, images and links.
    public static func render(_ text: String, unsafeHTML: Bool, basePath: String, firstLine: Int) -> MarkdownDocument {
        var options = CMARK_OPT_VALIDATE_UTF8
        if unsafeHTML { options |= CMARK_OPT_UNSAFE }
        let utf8 = Array(text.utf8)
        guard
            let document = utf8.withUnsafeBufferPointer({ buffer in
                buffer.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, options) }
            })
        else {
            return MarkdownDocument(html: "", figures: [])
        }
        defer { cmark_node_free(document) }
        var walk = Walk(bytes: utf8, basePath: basePath, firstLine: firstLine, options: options)
        walk.visit(document)
        walk.replaceNodes()
        guard let html = cmark_render_html(document, options) else {
            return MarkdownDocument(html: "", figures: walk.figures)
        }
        defer { free(html) }
        return MarkdownDocument(
            html: String(cString: html), figures: walk.figures, images: walk.images, links: walk.links)
    }
}

/// One pass over a parsed document: it finds the figure blocks, the images
/// and the links, then replaces the blocks and images by markers.
private struct Walk {
    let bytes: [UInt8]
    let basePath: String
    let firstLine: Int
    let options: Int32
    var figures: [FigureBlock] = []
    var images: [ImageUse] = []
    var links: [LinkUse] = []
    private var blocks: [(node: OpaquePointer, index: Int)] = []
    /// Each image's node, and its paragraph when it is alone in it (a figure).
    private var imageNodes: [(node: OpaquePointer, paragraph: OpaquePointer?)] = []
    private lazy var lineStarts: [Int] = [0] + bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 }

    init(bytes: [UInt8], basePath: String, firstLine: Int, options: Int32) {
        (self.bytes, self.basePath, self.firstLine, self.options) = (bytes, basePath, firstLine, options)
    }

    mutating func visit(_ document: OpaquePointer) {
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_CODE_BLOCK:
                let info = string(cmark_node_get_fence_info(node))
                let word = info.split(whereSeparator: \.isWhitespace).first.map(String.init) ?? ""
                if let kind = FigureBlock.Kind(rawValue: word) {
                    figures.append(
                        FigureBlock(
                            kind: kind, options: string(cmark_node_get_literal(node)),
                            line: Int(cmark_node_get_start_line(node)) + firstLine - 1))
                    blocks.append((node, figures.count - 1))
                }
            case CMARK_NODE_LINK:
                let url = string(cmark_node_get_url(node))
                let (line, column) = position(node)
                links.append(LinkUse(url: url, line: line, column: column))
                if url.hasPrefix("/") && !url.hasPrefix("//") && basePath != "/" {
                    _ = cmark_node_set_url(node, basePath + url.dropFirst())
                }
            case CMARK_NODE_IMAGE:
                addImage(node)
            default:
                break
            }
        }
    }

    private mutating func addImage(_ node: OpaquePointer) {
        let (line, column) = position(node)
        let title = string(cmark_node_get_title(node))
        let parent = cmark_node_parent(node)
        let alone =
            parent.map {
                cmark_node_get_type($0) == CMARK_NODE_PARAGRAPH
                    && cmark_node_first_child($0) == node && cmark_node_last_child($0) == node
            } ?? false
        images.append(
            ImageUse(
                url: string(cmark_node_get_url(node)), alt: plainText(node), title: title.isEmpty ? nil : title,
                line: line, column: column, isFigure: alone,
                captionHTML: title.isEmpty ? nil : Escape.html(title)))
        imageNodes.append((node, alone ? parent : nil))
    }

    /// Each figure block becomes its marker; each image too, and a figure's
    /// paragraph with it, taking the credit line that follows as its caption.
    mutating func replaceNodes() {
        for (node, index) in blocks {
            // A custom block prints its text as it is, in safe mode too.
            replace(node, by: CMARK_NODE_CUSTOM_BLOCK, FigureBlock.marker(index))
        }
        for (index, (node, paragraph)) in imageNodes.enumerated() {
            guard let paragraph else {
                replace(node, by: CMARK_NODE_CUSTOM_INLINE, ImageUse.marker(index))
                continue
            }
            if let next = cmark_node_next(paragraph), let credit = creditHTML(next) {
                images[index].captionHTML = [images[index].captionHTML, "<span class=\"credit\">\(credit)</span>"]
                    .compactMap { $0 }.joined(separator: " ")
                cmark_node_unlink(next)
                cmark_node_free(next)
            }
            replace(paragraph, by: CMARK_NODE_CUSTOM_BLOCK, ImageUse.marker(index))
        }
    }

    private func replace(_ node: OpaquePointer, by type: cmark_node_type, _ text: String) {
        guard let marker = cmark_node_new(type) else { return }
        _ = cmark_node_set_on_enter(marker, text)
        _ = cmark_node_set_on_exit(marker, "")
        _ = cmark_node_replace(node, marker)
        cmark_node_free(node)
    }

    /// The inline HTML of `node` when it is a credit line: a short paragraph
    /// (at most 200 characters, no image) starting with "Ảnh" or "Photo"
    /// as a word ("Ảnh: V.N", "*Ảnh Hữu Nam*"), but not "Ảnh hưởng".
    private func creditHTML(_ node: OpaquePointer) -> String? {
        guard cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH, !contains(CMARK_NODE_IMAGE, in: node) else {
            return nil
        }
        let text = plainText(node).trimmed
        let lower = text.lowercased()
        guard text.count <= 200, let word = ["ảnh", "photo"].first(where: { lower.hasPrefix($0) }),
            !lower.hasPrefix("ảnh hưởng")
        else { return nil }
        if let after = lower.dropFirst(word.count).first, after.isLetter { return nil }
        guard let html = cmark_render_html(node, options) else { return nil }
        defer { free(html) }
        var inner = Substring(String(cString: html).trimmed)
        if inner.hasPrefix("<p>") { inner = inner.dropFirst(3) }
        if inner.hasSuffix("</p>") { inner = inner.dropLast(4) }
        return String(inner)
    }

    /// The text of `node`'s inlines, as an image's `alt` is made: marks dropped, line breaks as spaces.
    private func plainText(_ node: OpaquePointer) -> String {
        var out = ""
        each(in: node) { child in
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE: out += string(cmark_node_get_literal(child))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: out += " "
            default: break
            }
        }
        return out
    }

    private func contains(_ type: cmark_node_type, in node: OpaquePointer) -> Bool {
        var found = false
        each(in: node) { if cmark_node_get_type($0) == type { found = true } }
        return found
    }

    private func each(in node: OpaquePointer, _ body: (OpaquePointer) -> Void) {
        guard let iterator = cmark_iter_new(node) else { return }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            if event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator), child != node { body(child) }
        }
    }

    /// The file line and the column in characters (cmark counts bytes) where `node` starts.
    private mutating func position(_ node: OpaquePointer) -> (line: Int, column: Int) {
        let line = Int(cmark_node_get_start_line(node)), byteColumn = Int(cmark_node_get_start_column(node))
        guard line >= 1, line <= lineStarts.count else { return (line + firstLine - 1, byteColumn) }
        let start = lineStarts[line - 1], end = min(bytes.count, start + max(0, byteColumn - 1))
        let characters = bytes[start..<end].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        return (line + firstLine - 1, characters + 1)
    }

    private func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
