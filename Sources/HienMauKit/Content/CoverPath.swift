/// `cover:` may be written `a.jpg`, `images/a.jpg` or `/images/a.jpg`; all mean `content/images/a.jpg`.
enum CoverPath {
    static func normalize(_ path: String) -> String {
        var p = Substring(path)
        if p.hasPrefix("/") { p = p.dropFirst() }
        if p.hasPrefix("images/") { p = p.dropFirst("images/".count) }
        return String(p)
    }
}
