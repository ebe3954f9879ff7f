/// One problem found in the input: where it is, what is wrong and, where it
/// helps, how to fix it.
public struct Diagnostic: Hashable, Sendable {
    public enum Severity: String, Sendable {
        case error, warning
        /// Said for the record, never a failure, even with `--strict` (a workbook's cover sheet, skipped).
        case note
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: Message
    public var hint: Message?
    /// The text of the offending line, shown under the message with a caret.
    public var sourceLine: String?
    /// What kind of problem this is, in a few words ("unknown keys"): warnings
    /// of one kind past the first hundred are counted, not printed
    /// (`cappingWarnings`). Without it, the kind is the message with its
    /// quoted and numeric parts left out.
    public var kind: Message?

    public init(
        _ severity: Severity, at location: SourceLocation, _ message: Message,
        hint: Message? = nil, sourceLine: String? = nil, kind: Message? = nil
    ) {
        self.severity = severity
        self.location = location
        self.message = message
        self.hint = hint
        self.sourceLine = sourceLine
        self.kind = kind
    }

    public var isError: Bool { severity == .error }
}

/// The problems of one or more stages, collected so that one run reports all of them.
public struct Diagnostics: Sendable {
    public private(set) var items: [Diagnostic] = []
    /// Kept as items arrive: stages compare it before and after a check, once per row.
    public private(set) var errorCount = 0

    public init(_ items: [Diagnostic] = []) {
        self.items = items
        self.errorCount = items.filter(\.isError).count
    }

    public var hasErrors: Bool { errorCount > 0 }
    public var errors: [Diagnostic] { items.filter(\.isError) }
    public var warnings: [Diagnostic] { items.filter { $0.severity == .warning } }

    public mutating func append(_ diagnostic: Diagnostic) {
        items.append(diagnostic)
        if diagnostic.isError { errorCount += 1 }
    }

    public mutating func append(contentsOf other: Diagnostics) {
        items.append(contentsOf: other.items)
        errorCount += other.errorCount
    }

    public mutating func error(
        _ location: SourceLocation, _ message: Message, hint: Message? = nil, line: String? = nil
    ) {
        append(Diagnostic(.error, at: location, message, hint: hint, sourceLine: line))
    }

    public mutating func warning(
        _ location: SourceLocation, _ message: Message, hint: Message? = nil, line: String? = nil, kind: Message? = nil
    ) {
        append(Diagnostic(.warning, at: location, message, hint: hint, sourceLine: line, kind: kind))
    }

    /// Sorted by file, line and column; a stable order makes output comparable.
    public var sorted: [Diagnostic] {
        items.enumerated().sorted { a, b in
            a.element.location == b.element.location ? a.offset < b.offset : a.element.location < b.element.location
        }.map(\.element)
    }
}
