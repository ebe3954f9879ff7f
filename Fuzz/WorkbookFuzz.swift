import Foundation

// libFuzzer target: any bytes as donations.xlsx, and as a sheet's XML. The
// reader must never crash, hang or grow without bound: every input is rows
// or one located error (`WorkbookError`), and each error prints.
@testable import HienMauKit

private let file = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("hienmau-fuzz-\(getpid()).xlsx")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWorkbook(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    // The whole file: the archive, its parts, every sheet through the row maker.
    try? bytes.write(to: file)
    var builder = FigureBuilder(
        campaigns: [FigureBuilder.CampaignInfo(id: "hn-2023", targetUnits: nil)], milestones: [5],
        consentDefault: false)
    var diagnostics = Diagnostics()
    var limits = Workbook.Limits()
    limits.sheetBytes = 16 << 20
    limits.sharedStringBytes = 4 << 20
    DonationTable.readWorkbook(
        url: file, context: DonationTable.Context(file: "d.xlsx", campaignIDs: ["hn-2023"]),
        diagnostics: &diagnostics, into: &builder, limits: limits)
    _ = DiagnosticPrinter(language: .vi).format(diagnostics)

    // The same bytes as a sheet's XML, straight into the sheet reader.
    let context = SheetHandler.Context(
        sharedStrings: SharedStrings(["campaign", "hn-2023"]), isDateStyle: [false, true], date1904: size % 2 == 0)
    var rows = 0
    let handler = SheetHandler(context: context) { rows += $0.cells.count }
    let parser = XMLPushParser(handler: handler)
    bytes.withUnsafeBytes { raw in
        let buffer = raw.bindMemory(to: UInt8.self)
        let cut = buffer.isEmpty ? 0 : Int(buffer[0]) % (buffer.count + 1)
        _ = try? parser.feed(UnsafeBufferPointer(rebasing: buffer[..<cut]))
        _ = try? parser.feed(UnsafeBufferPointer(rebasing: buffer[cut...]), last: true)
    }
    var scanner = MergedRangeScanner()
    bytes.withUnsafeBytes { scanner.feed($0.bindMemory(to: UInt8.self)) }
    _ = scanner.finish()
    return 0
}
