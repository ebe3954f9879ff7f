import Foundation

/// `content/site.yml`.
public struct SiteConfig: Sendable {
    public var title: String
    public var description: String
    /// Always ends with `/`.
    public private(set) var baseURL: String
    /// The path part of `base_url` (`/` or `/hienmau/`): every generated link
    /// starts with it. Worked out once: pages ask for it many times each.
    public private(set) var basePath = "/"
    public var language: Language
    public var author: String
    public var milestones: [Int]
    public var consentDefault: Bool
    public var unsafeHTML: Bool
    /// CSV header → column name, for headers the built-in aliases miss.
    public var columns: [String: String]
    /// The CSV's encoding when it is not UTF-8 (`data_encoding`), as iconv names it.
    public var dataEncoding: String?

    public static let defaultMilestones = [5, 10, 15, 20, 30, 40, 50]
    static let knownKeys = [
        "title", "description", "base_url", "language", "author", "milestones",
        "consent_default", "unsafe_html", "columns", "data_encoding",
    ]
    /// `data_encoding` values, and the iconv name of each.
    static let encodings = ["utf-8": nil, "windows-1258": "WINDOWS-1258", "cp1258": "WINDOWS-1258", "utf-16": "UTF-16"]

    public init(
        title: String, description: String = "", baseURL: String, language: Language = .vi,
        author: String? = nil, milestones: [Int] = SiteConfig.defaultMilestones,
        consentDefault: Bool = false, unsafeHTML: Bool = false, columns: [String: String] = [:],
        dataEncoding: String? = nil
    ) {
        self.title = title
        self.description = description
        self.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        self.basePath = Self.path(of: self.baseURL)
        self.language = language
        self.author = author ?? title
        self.milestones = milestones
        self.consentDefault = consentDefault
        self.unsafeHTML = unsafeHTML
        self.columns = columns
        self.dataEncoding = dataEncoding
    }

    static func path(of baseURL: String) -> String {
        guard let schemeEnd = baseURL.range(of: "://") else { return "/" }
        let rest = baseURL[schemeEnd.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        return String(rest[slash...])
    }

    /// `base_url` without its trailing path, to make absolute URLs from site paths.
    public func absoluteURL(_ sitePath: String) -> String {
        String(baseURL.dropLast()) + sitePath.dropFirst(basePath.count - 1)
    }

    public static func parse(_ file: SourceFile, diagnostics: inout Diagnostics) -> SiteConfig? {
        guard let pairs = topLevelPairs(of: file, diagnostics: &diagnostics) else { return nil }
        let reader = FieldReader(pairs: pairs, file: file)
        reader.warnUnknownKeys(known: knownKeys, into: &diagnostics)
        let before = diagnostics.errorCount

        let title = reader.string("title", required: true, into: &diagnostics)
        let baseURL = readBaseURL(reader, into: &diagnostics)
        let language = readLanguage(reader, into: &diagnostics)
        let milestones = readMilestones(reader, into: &diagnostics)
        let columns = readColumns(reader, into: &diagnostics)
        let description = reader.string("description", into: &diagnostics) ?? ""
        let author = reader.string("author", into: &diagnostics)
        let consentDefault = reader.bool("consent_default", into: &diagnostics) ?? false
        let unsafeHTML = reader.bool("unsafe_html", into: &diagnostics) ?? false
        let encoding = readEncoding(reader, into: &diagnostics)
        guard diagnostics.errorCount == before, let title, let baseURL else { return nil }
        return SiteConfig(
            title: title, description: description, baseURL: baseURL, language: language, author: author,
            milestones: milestones, consentDefault: consentDefault, unsafeHTML: unsafeHTML, columns: columns,
            dataEncoding: encoding)
    }

    /// `data_encoding`: what a CSV saved as plain "CSV" on Vietnamese Windows is in.
    private static func readEncoding(_ reader: FieldReader, into diagnostics: inout Diagnostics) -> String? {
        guard let text = reader.string("data_encoding", into: &diagnostics) else { return nil }
        guard let known = encodings[text.lowercased()] else {
            let names = encodings.keys.sorted().joined(separator: ", ")
            if let node = reader.node("data_encoding") {
                reader.error(
                    node,
                    Message(
                        vi: "data_encoding \"\(text)\" phải là một trong \(names)",
                        en: "data_encoding \"\(text)\" must be one of \(names)"), into: &diagnostics)
            }
            return nil
        }
        return known
    }

    /// The file's `key: value` pairs; a YAML error or another shape is reported and gives nil.
    private static func topLevelPairs(of file: SourceFile, diagnostics: inout Diagnostics) -> [YAMLPair]? {
        if let control = ControlCharacter.first(in: file.text, firstLine: 1) {
            diagnostics.append(control.diagnostic(in: file, where: Message(vi: "site.yml", en: "site.yml")))
            return nil
        }
        let node: YAMLValue?
        do {
            node = try YAMLValue.parse(file.text)
        } catch {
            let line = error.mark?.line ?? 1
            diagnostics.error(
                file.location(line: line, column: error.mark?.column ?? 1), error.message,
                hint: error.hint, line: file.line(line))
            return nil
        }
        guard case .pairs(let pairs, _)? = node else {
            diagnostics.error(
                file.location(line: 1, column: 1),
                Message(vi: "site.yml phải là các cặp 'khoá: giá trị'", en: "site.yml must be 'key: value' pairs"))
            return nil
        }
        return pairs
    }

    /// `base_url`, trimmed; one that is not absolute is reported but still returned.
    private static func readBaseURL(_ reader: FieldReader, into diagnostics: inout Diagnostics) -> String? {
        let baseURL = reader.string("base_url", required: true, into: &diagnostics)?.trimmed
        if let baseURL, !(baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://")) {
            reader.error(
                reader.node("base_url"),
                Message(
                    vi: "base_url \"\(baseURL)\" phải là địa chỉ tuyệt đối bắt đầu bằng https://",
                    en: "base_url \"\(baseURL)\" must be an absolute URL starting with https://"), into: &diagnostics)
        }
        return baseURL
    }

    private static func readLanguage(_ reader: FieldReader, into diagnostics: inout Diagnostics) -> Language {
        guard let text = reader.string("language", into: &diagnostics) else { return .vi }
        if let value = Language(rawValue: text.trimmed.lowercased()) { return value }
        reader.error(
            reader.node("language"),
            Message(
                vi: "language \"\(text)\" phải là vi hoặc en", en: "language \"\(text)\" must be vi or en"),
            into: &diagnostics)
        return .vi
    }

    /// `milestones`: ascending positive whole numbers; the defaults when absent or when none is usable.
    private static func readMilestones(_ reader: FieldReader, into diagnostics: inout Diagnostics) -> [Int] {
        guard let node = reader.node("milestones"), !node.isNull else { return defaultMilestones }
        var values: [Int] = []
        if case .list(let items, _) = node {
            for item in items {
                if let value = item.int, value > 0 {
                    values.append(value)
                } else {
                    reader.error(
                        item,
                        Message(
                            vi: "mốc vinh danh \(item.shortDescription) phải là số nguyên dương",
                            en: "milestone \(item.shortDescription) must be a positive whole number"),
                        into: &diagnostics)
                }
            }
        } else {
            reader.error(
                node,
                Message(
                    vi: "'milestones' phải là một danh sách số",
                    en: "'milestones' must be a list of numbers"), into: &diagnostics)
        }
        if values != values.sorted() || Set(values).count != values.count {
            reader.error(
                node,
                Message(
                    vi: "các mốc vinh danh phải tăng dần, không trùng",
                    en: "milestones must be ascending without repeats"), into: &diagnostics)
        }
        return values.isEmpty ? defaultMilestones : values
    }

    /// `columns`: CSV header → column name; each pair naming no column is reported and left out.
    private static func readColumns(_ reader: FieldReader, into diagnostics: inout Diagnostics) -> [String: String] {
        guard let node = reader.node("columns"), !node.isNull else { return [:] }
        guard case .pairs(let mapping, _) = node else {
            reader.error(
                node,
                Message(
                    vi: "'columns' phải là các cặp 'tiêu đề: cột'",
                    en: "'columns' must be 'header: column' pairs"), into: &diagnostics)
            return [:]
        }
        var columns: [String: String] = [:]
        for pair in mapping {
            let header = pair.key, value = pair.value
            guard let column = value.string,
                DonationColumn(rawValue: column.trimmed) != nil
            else {
                reader.error(
                    value,
                    Message(
                        vi: "'columns' ánh xạ tiêu đề CSV sang một cột: \(DonationColumn.allNames)",
                        en: "'columns' maps a CSV header to one of: \(DonationColumn.allNames)"),
                    into: &diagnostics)
                continue
            }
            columns[header] = column.trimmed
        }
        return columns
    }
}
