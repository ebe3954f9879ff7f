import Foundation
import ZIPFoundation

/// An Excel workbook (`.xlsx`) opened for reading: its sheets in tab order,
/// the shared strings, which styles are dates, and the date system. Rows are
/// read sheet by sheet, streamed (`rows(of:emit:)`).
struct Workbook {
    struct Sheet: Equatable {
        /// As on the sheet's tab.
        var name: String
        /// The part inside the archive, `xl/worksheets/sheet1.xml`.
        var path: String
        var hidden: Bool
    }

    /// Bounds on what the archive may inflate to: a real workbook of a
    /// million rows is about 150 MB of XML, a zip bomb is far more.
    struct Limits {
        var sheetBytes = 2 << 30
        var sharedStringBytes = 512 << 20
        var otherPartBytes = 64 << 20
        /// A part that inflates to more than this many times its stored size is refused.
        var ratio = 400
        /// The cells one merged range may cover (a campaign column merged down 100,000 rows is far below it).
        var mergedCells = 1 << 20
    }

    let sheets: [Sheet]
    let date1904: Bool
    private let url: URL
    private let archive: Archive
    private let sharedStrings: SharedStrings
    private let isDateStyle: [Bool]
    private let limits: Limits

    init(url: URL, limits: Limits = Limits()) throws {
        let archive = try ArchivePart.open(url, unreadable: WorkbookError.notAWorkbook)
        self.url = url
        self.archive = archive
        self.limits = limits
        let index = WorkbookIndexHandler()
        try Self.parse(
            archive, "xl/workbook.xml", into: index, limit: limits.otherPartBytes, ratio: limits.ratio, required: true)
        let relationships = RelationshipsHandler()
        try Self.parse(
            archive, "xl/_rels/workbook.xml.rels", into: relationships, limit: limits.otherPartBytes,
            ratio: limits.ratio, required: true)
        let strings = SharedStringsHandler(limit: limits.sharedStringBytes)
        try Self.parse(
            archive, "xl/sharedStrings.xml", into: strings, limit: limits.sharedStringBytes, ratio: limits.ratio)
        if strings.overLimit {
            throw WorkbookError.tooLarge(part: "xl/sharedStrings.xml", limit: limits.sharedStringBytes)
        }
        let styles = StylesHandler()
        try Self.parse(archive, "xl/styles.xml", into: styles, limit: limits.otherPartBytes, ratio: limits.ratio)
        sheets = index.sheets.compactMap { sheet in
            relationships.targets[sheet.relationship].map { Sheet(name: sheet.name, path: $0, hidden: sheet.hidden) }
        }
        date1904 = index.date1904
        sharedStrings = strings.strings
        isDateStyle = styles.isDate
    }

    /// Streams the rows of `sheet` that hold anything, in order, to `emit`;
    /// returns the cells that could not be read (the others are emitted).
    func rows(of sheet: Sheet, emit: @escaping (WorkbookRow) -> Void) throws -> [SheetHandler.Problem] {
        let (url, limits) = (url, limits)
        let merges = MergesAlongside(
            scan: { Result { try Self.mergedRanges(url: url, sheet: sheet, limits: limits) } }, emit: emit)
        let context = SheetHandler.Context(sharedStrings: sharedStrings, isDateStyle: isDateStyle, date1904: date1904)
        let handler = SheetHandler(context: context) { merges.take($0) }
        try Self.parse(
            archive, sheet.path, into: handler, limit: limits.sheetBytes, ratio: limits.ratio, required: true,
            sheet: sheet.name)
        try merges.finish()
        return handler.problems
    }

    /// The sheet's merged ranges in the order of their first row, read through an archive of
    /// their own (an `Archive` is not shared between threads).
    private static func mergedRanges(url: URL, sheet: Sheet, limits: Limits) throws -> [CellRange] {
        let archive = try ArchivePart.open(url, unreadable: WorkbookError.notAWorkbook)
        var scanner = MergedRangeScanner()
        try inflate(archive, sheet.path, limit: limits.sheetBytes, ratio: limits.ratio, required: true) {
            scanner.feed($0)
        }
        let merges = scanner.finish()
        // A merged range that cannot be read would leave its cells empty: the figures would be wrong.
        if scanner.damaged {
            throw WorkbookError(
                Message(
                    vi: "trang có vùng gộp ô (mergeCell) không đọc được",
                    en: "the sheet has a merged range (mergeCell) that cannot be read"),
                hint: WorkbookError.resaveHint, sheet: sheet.name)
        }
        // Filling a range copies its value into every cell it covers: a range no table has is a damaged file.
        if let huge = merges.first(where: { $0.cellCount > limits.mergedCells }) {
            var error = WorkbookError.mergedRangeTooLarge(huge.first, huge.last, cells: huge.cellCount)
            error.sheet = sheet.name
            throw error
        }
        return merges
    }

    /// Inflates one part through libxml2 into `handler`.
    private static func parse(
        _ archive: Archive, _ path: String, into handler: XMLEventHandler, limit: Int, ratio: Int,
        required: Bool = false, sheet: String? = nil
    ) throws {
        let parser = XMLPushParser(handler: handler)
        do {
            let found = try inflate(archive, path, limit: limit, ratio: ratio, required: required) {
                try parser.feed($0)
            }
            if found { try parser.feed(UnsafeBufferPointer(start: nil, count: 0), last: true) }
        } catch let failure as XMLPushParser.Failure {
            throw WorkbookError.damagedPart(path, failure, sheet: sheet)
        }
    }

    /// Calls `body` with the part's bytes in chunks; false when the part is
    /// absent and not `required`.
    @discardableResult
    private static func inflate(
        _ archive: Archive, _ path: String, limit: Int, ratio: Int, required: Bool,
        _ body: (UnsafeBufferPointer<UInt8>) throws -> Void
    ) throws -> Bool {
        let outcome = try ArchivePart.inflate(
            archive, path, limit: limit, ratio: ratio, unreadable: WorkbookError.notAWorkbook
        ) {
            try body($0)
            return true
        }
        if outcome == .absent, required { throw WorkbookError.notAWorkbook("thiếu \(path) / \(path) is missing") }
        return outcome != .absent
    }
}
