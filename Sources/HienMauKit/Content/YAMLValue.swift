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
            return try Yams.compose(yaml: text, .default, .default, .utf8).map(YAMLValue.init)
        } catch let error as YamlError {
            throw YAMLProblem(error)
        } catch {
            throw YAMLProblem(mark: nil, message: Message(vi: "YAML không hợp lệ: \(error)", en: "invalid YAML: \(error)"))
        }
    }

    init(_ node: Node) {
        let mark = YAMLMark(line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
        switch node {
        case .scalar(let scalar):
            self = .scalar(scalar.string, plain: scalar.style == .plain, mark: mark)
        case .sequence(let sequence):
            self = .list(sequence.map(YAMLValue.init), mark: mark)
        case .mapping(let mapping):
            self = .pairs(mapping.map { key, value in
                YAMLPair(key: key.string ?? "\(key)",
                         keyMark: YAMLMark(line: key.mark?.line ?? 1, column: key.mark?.column ?? 1),
                         value: YAMLValue(value))
            }, mark: mark)
        case .alias:
            self = .alias(mark: mark)
        }
    }
}
