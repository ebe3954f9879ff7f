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
        if !slug.utf8.allSatisfy({ (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == UInt8(ascii: "-") }
        ) {
            return Message(
                vi: "slug \"\(slug)\" chỉ được có chữ thường không dấu (a–z), chữ số và '-'",
                en: "slug \"\(slug)\" may hold only lower-case letters without accents (a–z), digits and '-'")
        }
        return nil
    }

    /// What to write instead of a slug `problem` refused: the slug made from it, when there is one.
    static func advice(for slug: String) -> Message? {
        let made = make(slug)
        return made.isEmpty ? nil : Message(vi: "viết 'slug: \(made)'", en: "write 'slug: \(made)'")
    }
}
