/// One image a build publishes: its file under `content/images/`, whether a
/// social card is made of it (a cover), and every place that shows it, for
/// messages.
struct ImageRequest: Sendable {
    struct Place: Sendable {
        var location: SourceLocation
        var line: String?
        var written: String
    }

    var source: String
    var card: Bool
    var places: [Place]
}

extension ImageRequest {
    /// The images of the published write-ups (their Markdown and covers) and
    /// pages, one request per file, in the order first used. An image that
    /// is not in `content/images/` is an error at each place, in every
    /// write-up, drafts included, as a missing cover is.
    static func collect(
        _ content: ContentSet, available: Set<String>, contentName: String,
        diagnostics: inout Diagnostics
    ) -> [ImageRequest] {
        var requests: [ImageRequest] = []
        var index: [String: Int] = [:]
        let published = Set(content.published.map(\.source.path))
        func add(_ written: String, _ place: Place, card: Bool, publish: Bool, checked: Bool) {
            guard let path = ImagePath.resolve(written) else { return }
            if !checked, let problem = problem(path, written: written, available: available, contentName: contentName) {
                diagnostics.error(place.location, problem.message, hint: problem.hint, line: place.line)
                return
            }
            guard publish, available.contains("images/" + path), ImagePath.kind(of: path) != .other else { return }
            if let at = index[path] {
                requests[at].places.append(place)
                requests[at].card = requests[at].card || card
            } else {
                index[path] = requests.count
                requests.append(ImageRequest(source: path, card: card, places: [place]))
            }
        }
        for campaign in content.all {
            let file = campaign.source, publish = published.contains(file.path)
            if let cover = campaign.cover {
                let at = file.frontMatterValue("cover") ?? (1, 1)
                // A missing cover has its own message (ContentSet.checkCovers).
                add(
                    cover,
                    Place(
                        location: file.location(line: at.line, column: at.column), line: file.line(at.line),
                        written: cover),
                    card: true, publish: publish,
                    checked: !(ImagePath.resolve(cover).map { available.contains("images/" + $0) } ?? true))
            }
            for use in content.markdown[file.path]?.images ?? [] {
                add(use.url, place(use, in: file), card: false, publish: publish, checked: false)
            }
        }
        for page in content.pages {
            for use in content.markdown[page.source.path]?.images ?? [] {
                add(use.url, place(use, in: page.source), card: false, publish: true, checked: false)
            }
        }
        return requests
    }

    private static func place(_ use: ImageUse, in file: SourceFile) -> Place {
        Place(location: file.location(line: use.line, column: use.column), line: file.line(use.line), written: use.url)
    }

    /// Why `path` cannot be shown: not there, or not an image.
    private static func problem(
        _ path: String, written: String, available: Set<String>,
        contentName: String
    ) -> (message: Message, hint: Message)? {
        let folder = "\(contentName)/images/"
        guard available.contains("images/" + path) else {
            let names = available.filter { $0.hasPrefix("images/") }.map { String($0.dropFirst("images/".count)) }
            let hint =
                Suggest.closest(to: path, among: names).map {
                    Message(vi: "có phải '\($0)'?", en: "did you mean '\($0)'?")
                }
                ?? Message(
                    vi: "đặt ảnh vào \(folder) và ghi tên tệp, ví dụ '![Mô tả ảnh](anh-1.jpg)'",
                    en: "put the image in \(folder) and give its file name, e.g. '![What it shows](photo-1.jpg)'")
            return (
                Message(
                    vi: "ảnh '\(written)' không có trong \(folder)",
                    en: "image '\(written)' does not exist in \(folder)"), hint
            )
        }
        guard ImagePath.kind(of: path) != .other else {
            return (
                Message(vi: "'\(written)' không phải ảnh", en: "'\(written)' is not an image"),
                Message(vi: "dùng ảnh JPEG, PNG, WebP, HEIC hoặc SVG", en: "use a JPEG, PNG, WebP, HEIC or SVG image")
            )
        }
        return nil
    }
}
