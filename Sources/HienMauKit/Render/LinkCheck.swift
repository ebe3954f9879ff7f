/// Links written in the write-ups and pages that lead to a page or file of
/// the site which the build does not make: each is a warning at the link,
/// as Zola's `check` reports them. Links to other sites, `mailto:` and the
/// like, and links within the page (`#…`) are not followed.
struct LinkCheck {
    /// Every path the build writes under the output folder.
    let published: Set<String>
    /// The pages' addresses with their lengths, for suggestions: worked out once, not per link.
    private let pages: [(path: String, length: Int)]

    init(published: Set<String>) {
        self.published = published
        pages = published.filter { $0.hasSuffix("/index.html") }.sorted().map {
            let path = String($0.dropLast("index.html".count))
            return (path, path.count)
        }
    }

    /// `file`'s links, read from the page at `page` (a path under the site
    /// root ending in `/`, as `chien-dich/<slug>/`).
    func warnings(_ links: [LinkUse], in file: SourceFile, page: String, into diagnostics: inout Diagnostics) {
        for link in links {
            guard let target = Self.target(link.url, from: page), !reaches(target) else { continue }
            diagnostics.warning(
                file.location(line: link.line, column: link.column),
                Message(
                    vi: "liên kết '\(link.url)' không dẫn tới trang hay tệp nào của trang web",
                    en: "link '\(link.url)' leads to no page or file of the site"), hint: hint(link.url, target),
                line: file.line(link.line))
        }
    }

    private func hint(_ url: String, _ target: String) -> Message? {
        if ImagePath.kind(of: target) == .photo && target.hasPrefix("images/") {
            return Message(
                vi: "ảnh gốc không được đăng lên trang web; để hiện ảnh, viết '![mô tả](\(url))'",
                en: "original photos are not published; to show the photo, write '![what it shows](\(url))'")
        }
        // A path written from the site's root, but without its first `/`.
        var rooted = Substring(url)
        while rooted.hasPrefix("../") || rooted.hasPrefix("./") { rooted = rooted.drop { $0 == "." }.dropFirst() }
        if !url.hasPrefix("/"), let root = Self.target("/" + rooted, from: ""), reaches(root) {
            return Message(
                vi: "viết '/\(rooted)': một liên kết không bắt đầu bằng '/' được tính từ địa chỉ của trang này",
                en: "write '/\(rooted)': a link that does not start with '/' is read from this page's address")
        }
        return suggestion(for: target).map { Message(vi: "có phải '/\($0)'?", en: "did you mean '/\($0)'?") }
    }

    /// The path under the site root that `url` leads to from `page`; nil
    /// for a link that leaves the site or stays in the page.
    static func target(_ url: String, from page: String) -> String? {
        var path = Substring(url)
        if let end = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<end] }
        if path.isEmpty || path.hasPrefix("//") { return nil }
        if let colon = path.firstIndex(of: ":"), !path[..<colon].contains("/") { return nil }
        let absolute = path.hasPrefix("/") ? String(path.dropFirst()) : page + path
        var parts: [String] = []
        for part in absolute.split(separator: "/", omittingEmptySubsequences: false).map({
            ImagePath.percentDecoded(String($0))
        }) {
            switch part {
            case ".": continue
            case "..": if parts.popLast() == nil { return "../" }
            default: parts.append(part)
            }
        }
        return parts.filter { !$0.isEmpty }.joined(separator: "/")
            + (absolute.hasSuffix("/") || parts.last == "" ? "/" : "")
    }

    private func reaches(_ target: String) -> Bool {
        if target.isEmpty || target == "/" { return published.contains("index.html") }
        if target.hasSuffix("/") { return published.contains(target + "index.html") }
        return published.contains(target) || published.contains(target + "/index.html")
    }

    /// The page whose address is nearest to `target`'s, when one is near.
    /// Only addresses of about its length can be near; among thousands of
    /// campaigns the comparison would cost more than the hint is worth, so
    /// past 200 candidates there is none.
    private func suggestion(for target: String) -> String? {
        let wanted = target.hasSuffix("/") ? target : target + "/"
        let length = wanted.count, limit = max(2, length / 3)
        let near = pages.filter { abs($0.length - length) <= limit }
        guard near.count <= 200 else { return nil }
        return Suggest.closest(to: wanted, among: near.map(\.path))
    }
}
