import Yams

/// Where a YAML value starts: line and column from 1, columns in Unicode scalars.
public struct YAMLMark: Sendable, Equatable {
    public var line: Int
    public var column: Int
}

/// A YAML value and where it was written: what the readers of front matter,
/// `site.yml` and figure blocks use. Made by `PlainYAML` for the usual
/// `key: value` text, or from Yams' nodes for everything else.
public indirect enum YAMLValue: Sendable, Equatable {
    /// `plain` is false for quoted and block scalars: `"10"` is text, not a number.
    case scalar(String, plain: Bool, mark: YAMLMark)
    case list([YAMLValue], mark: YAMLMark)
    case pairs([YAMLPair], mark: YAMLMark)
    case alias(mark: YAMLMark)

    public var mark: YAMLMark {
        switch self {
        case .scalar(_, _, let mark), .list(_, let mark), .pairs(_, let mark), .alias(let mark): return mark
        }
    }

    /// The text of a scalar.
    public var string: String? {
        if case .scalar(let text, _, _) = self { return text }
        return nil
    }

    /// A plain scalar that is a whole number.
    public var int: Int? {
        if case .scalar(let text, true, _) = self { return Int(text.trimmed) }
        return nil
    }

    /// An empty value, `~` or `null`, unquoted.
    public var isNull: Bool {
        if case .scalar(let text, true, _) = self { return ["", "~", "null", "Null", "NULL"].contains(text) }
        return false
    }

    var shortDescription: String {
        switch self {
        case .scalar(let text, _, _): return "\"\(text)\""
        case .list: return "a list"
        case .pairs: return "a mapping"
        case .alias: return "an alias"
        }
    }
}

public struct YAMLPair: Sendable, Equatable {
    public var key: String
    public var keyMark: YAMLMark
    public var value: YAMLValue
}

extension YAMLValue {
    /// Reads a YAML document: nil when it is empty.
    static func parse(_ text: String) throws(YAMLProblem) -> YAMLValue? {
        if let plain = PlainYAML.read(text) { return plain }
        return try withYams(text)
    }

    /// Reads with Yams alone (also what `PlainYAML` is tested against).
    static func withYams(_ text: String) throws(YAMLProblem) -> YAMLValue? {
        do {
            // The encoding is given: Yams' default reads the environment on every call.
            // The parser holds the anchors that nodes point to weakly: it lives until the walk is done.
            let parser = try Parser(yaml: text, resolver: .default, constructor: .default, encoding: .utf8)
            guard let node = try parser.singleRoot() else { return nil }
            defer { withExtendedLifetime(parser) {} }
            // Yams shares an alias's node; made into values, ten aliases of ten
            // aliases… grow without end. The first anchor stops the walk: an
            // alias can only repeat an anchor written before it.
            if let anchored = firstAnchored(node) { throw YAMLProblem(anchored: anchored) }
            return YAMLValue(node)
        } catch let problem as YAMLProblem {
            throw problem
        } catch let error as YamlError {
            throw YAMLProblem(error)
        } catch {
            throw YAMLProblem(
                mark: nil, message: Message(vi: "YAML không hợp lệ: \(error)", en: "invalid YAML: \(error)"))
        }
    }

    /// The first node that carries an anchor, in the order written.
    private static func firstAnchored(_ node: Node) -> Node? {
        if node.anchor != nil { return node }
        switch node {
        case .scalar, .alias:
            return nil
        case .sequence(let sequence):
            for item in sequence { if let found = firstAnchored(item) { return found } }
        case .mapping(let mapping):
            for (key, value) in mapping {
                if let found = firstAnchored(key) ?? firstAnchored(value) { return found }
            }
        }
        return nil
    }

    init(_ node: Node) {
        let mark = YAMLMark(line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
        switch node {
        case .scalar(let scalar):
            self = .scalar(scalar.string, plain: scalar.style == .plain, mark: mark)
        case .sequence(let sequence):
            self = .list(sequence.map(YAMLValue.init), mark: mark)
        case .mapping(let mapping):
            self = .pairs(
                mapping.map { key, value in
                    YAMLPair(
                        key: key.string ?? "\(key)",
                        keyMark: YAMLMark(line: key.mark?.line ?? 1, column: key.mark?.column ?? 1),
                        value: YAMLValue(value))
                }, mark: mark)
        case .alias:
            self = .alias(mark: mark)
        }
    }
}

/// A Yams error as the user should read it: where, and what, in the site's
/// language. libyaml's common problems are translated; others keep its words.
struct YAMLProblem: Error {
    var mark: YAMLMark?
    var message: Message
    /// How to fix it, when this problem has its own advice.
    var hint: Message?

    /// An anchor (`&name`): front matter and site.yml never need one, and
    /// its aliases could make a few lines into billions of values.
    init(anchored node: Node) {
        let name = node.anchor.map { "\($0.rawValue)" } ?? ""
        mark = node.mark.map(YAMLMark.init)
        message = Message(
            vi: "không dùng được neo '&\(name)' (và bí danh '*\(name)') của YAML ở đây",
            en: "YAML anchors ('&\(name)') and aliases ('*\(name)') are not accepted here")
        hint = Message(
            vi: "viết thẳng giá trị ở mỗi chỗ cần nó; phần đầu và site.yml không bao giờ cần '&' và '*'",
            en: "write the value out wherever it is needed; front matter and site.yml never need '&' and '*'")
    }

    init(_ error: YamlError) {
        var mark: YAMLMark?
        var problem = "\(error)"
        var context: YamlError.Context?
        switch error {
        case .scanner(let c, let p, let m, _), .parser(let c, let p, let m, _), .composer(let c, let p, let m, _):
            (context, problem, mark) = (c, p, YAMLMark(m))
        case .reader(let p, _, _, _):
            problem = p
        case .duplicatedKeysInMapping(let duplicates, let c):
            mark = YAMLMark(c.mark)
            let keys = duplicates.joined(separator: ", ")
            self.init(
                mark: mark,
                message: Message(
                    vi: "YAML không hợp lệ: khoá \(keys) được viết hai lần",
                    en: "invalid YAML: the key \(keys) is written twice"))
            return
        default:
            break
        }
        // An unclosed quote runs to the end: point at where it opened.
        if let context, context.text.contains("quoted scalar"), problem.contains("end of stream") {
            self.init(
                mark: YAMLMark(context.mark),
                message: Message(
                    vi: "YAML không hợp lệ: dấu ngoặc kép mở ở đây không bao giờ được đóng",
                    en: "invalid YAML: the quote opened here is never closed"))
            return
        }
        let vi = Self.vietnamese[problem].map { "\($0) (\(problem))" } ?? problem
        self.init(mark: mark, message: Message(vi: "YAML không hợp lệ: \(vi)", en: "invalid YAML: \(problem)"))
    }

    init(mark: YAMLMark?, message: Message) {
        self.mark = mark
        self.message = message
    }

    static let vietnamese: [String: String] = [
        "mapping values are not allowed in this context": "không được có dấu ':' ở đây",
        "could not find expected ':'": "thiếu dấu ':' sau khoá",
        "found character that cannot start any token":
            "có ký tự không thể mở đầu một giá trị (thường là tab hoặc @, `)",
        "did not find expected key": "thụt lề không khớp với các khoá phía trên",
        "found unexpected end of stream": "phần đầu kết thúc giữa chừng",
        "found undefined tag handle": "thẻ '!' không được định nghĩa",
    ]
}

extension YAMLMark {
    init(_ mark: Mark) {
        self.init(line: mark.line, column: mark.column)
    }
}
