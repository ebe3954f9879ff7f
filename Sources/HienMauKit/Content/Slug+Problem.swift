extension Slug {
    /// Why a slug written in front matter cannot be used, or nil when it can.
    public static func problem(with slug: String) -> Message? {
        if slug.isEmpty {
            return Message(vi: "slug rỗng", en: "the slug is empty")
        }
        if slug.contains("/") || slug.contains("\\") || slug.contains("..") {
            return Message(
                vi: "slug \"\(slug)\" không được chứa '/', '\\' hay '..'",
                en: "slug \"\(slug)\" must not contain '/', '\\' or '..'")
        }
        if slug.hasPrefix(".") || slug.contains(where: { $0.isWhitespace }) {
            return Message(
                vi: "slug \"\(slug)\" không được bắt đầu bằng '.' hay chứa khoảng trắng",
                en: "slug \"\(slug)\" must not start with '.' or contain spaces")
        }
        return nil
    }
}
