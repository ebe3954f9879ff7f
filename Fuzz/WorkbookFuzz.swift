import Foundation

// libFuzzer target: any bytes as donations.xlsx or donations.ods, and as a
// sheet's XML read by both sheet readers. The reader must never crash, hang
// or grow without bound: every input is rows or one located error
// (`WorkbookError`), and each error prints.
@testable import HienMauKit

private let folder = URL(fileURLWithPath: NSTemporaryDirectory())
private let xlsx = folder.appendingPathComponent("hienmau-fuzz-\(getpid()).xlsx")
private let ods = folder.appendingPathComponent("hienmau-fuzz-\(getpid()).ods")

/// An OpenDocument file starts with its `mimetype` entry, stored: the name at byte 30 of the archive.
private func looksOpenDocument(_ bytes: Data) -> Bool {
    bytes.count > 38 && bytes[bytes.startIndex + 30..<bytes.startIndex + 38] == Data("mimetype".utf8)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWorkbook(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    // The whole file: the archive, its parts, every sheet through the row maker.
    let openDocument = looksOpenDocument(bytes)
    let file = openDocument ? ods : xlsx
    try? bytes.write(to: file)
    var builder = FigureBuilder(
        campaigns: [FigureBuilder.CampaignInfo(id: "hn-2023", targetUnits: nil)], milestones: [5],
        consentDefault: false)
    var diagnostics = Diagnostics()
    var limits = OpenDocumentWorkbook.Limits()
    limits.archive.sheetBytes = 16 << 20
    limits.archive.sharedStringBytes = 4 << 20
    limits.copiedCells = 1 << 20
    let context = DonationTable.Context(file: openDocument ? "d.ods" : "d.xlsx", campaignIDs: ["hn-2023"])
    let awards =
        openDocument
        ? DonationTable.readOpenDocument(
            url: file, context: context, diagnostics: &diagnostics, into: &builder, limits: limits)
        : DonationTable.readWorkbook(
            url: file, context: context, diagnostics: &diagnostics, into: &builder, limits: limits.archive)
    _ = HonoursTable.parse(awards, file: context.file, diagnostics: &diagnostics)
    _ = DiagnosticPrinter(language: .vi).format(diagnostics)

    // The same bytes as a sheet's XML, straight into each sheet reader, cut in two chunks.
    let sheetContext = SheetHandler.Context(
        sharedStrings: SharedStrings(["campaign", "hn-2023"]), isDateStyle: [false, true], date1904: size % 2 == 0)
    var cells = 0
    let handlers: [XMLEventHandler] = [
        SheetHandler(context: sheetContext) { cells += $0.cells.count },
        OpenDocumentSheetHandler(limits: limits) { _, row in
            cells += row.cells.count
            return cells < 1 << 20
        },
    ]
    for handler in handlers {
        let parser = XMLPushParser(handler: handler)
        bytes.withUnsafeBytes { raw in
            let buffer = raw.bindMemory(to: UInt8.self)
            let cut = buffer.isEmpty ? 0 : Int(buffer[0]) % (buffer.count + 1)
            _ = try? parser.feed(UnsafeBufferPointer(rebasing: buffer[..<cut]))
            _ = try? parser.feed(UnsafeBufferPointer(rebasing: buffer[cut...]), last: true)
        }
    }
    var scanner = MergedRangeScanner()
    bytes.withUnsafeBytes { scanner.feed($0.bindMemory(to: UInt8.self)) }
    _ = scanner.finish()
    return 0
}
