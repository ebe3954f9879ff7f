/// One worksheet's XML, streamed: each `<row>` becomes a `WorkbookRow` of
/// its cells' record texts and kinds, handed to `emit` at its end tag
/// (merged ranges are filled in after, by `MergesAlongside`). Nothing of the
/// sheet is kept but the row being read.
final class SheetHandler: XMLEventHandler {
    struct Context {
        var sharedStrings: SharedStrings
        var isDateStyle: [Bool]
        var date1904: Bool
    }

    /// A cell that cannot be read; the reading goes on.
    struct Problem: Equatable {
        var cell: CellReference
        var message: Message
    }

    static let maxTextBytes = 32_767 * 4  // Excel's 32,767 characters, in UTF-8 at worst

    /// The reading's state, behind a pointer: an event is then one plain
    /// access, where a stored property would cost an exclusivity check each.
    private let reader: UnsafeMutablePointer<SheetReader>

    var problems: [Problem] { reader.pointee.problems }
    var rowsSeen: Int { reader.pointee.rowsSeen }

    init(context: Context, emit: @escaping (WorkbookRow) -> Void) {
        reader = .allocate(capacity: 1)
        reader.initialize(to: SheetReader(context: context, emit: emit))
    }

    deinit {
        reader.deinitialize(count: 1)
        reader.deallocate()
    }

    func start(_ name: XMLBytes, _ attributes: XMLAttributes) { reader.pointee.start(name, attributes) }
    func end(_ name: XMLBytes) { reader.pointee.end(name) }
    func text(_ bytes: XMLBytes) { reader.pointee.text(bytes) }
}

/// A cell's `t` attribute: `s` shared string, `inlineStr`, `str` a formula's
/// text, `b` boolean, `e` error, `d` ISO date, `n` (or none) number.
enum CellType {
    case number, shared, inline, formulaText, bool, error, isoDate

    init(_ attribute: XMLBytes) {
        if attribute.equals("s") {
            self = .shared
        } else if attribute.equals("inlineStr") {
            self = .inline
        } else if attribute.equals("str") {
            self = .formulaText
        } else if attribute.equals("b") {
            self = .bool
        } else if attribute.equals("e") {
            self = .error
        } else if attribute.equals("d") {
            self = .isoDate
        } else {
            self = .number
        }
    }
}
