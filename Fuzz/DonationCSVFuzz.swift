// libFuzzer target: any bytes as donations.csv. The reader must never crash,
// reading in chunks must give the same records as reading at once, and every
// diagnostic must print (source line, caret) without trapping.
import HienMauKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDonationCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let split = bytes.isEmpty ? 0 : Int(bytes[0]) % (bytes.count + 1)

    // The raw reader: one feed versus two feeds split at `split`.
    let whole = try? CSVReader.records(in: bytes, delimiter: 0x2C)
    var reader = CSVReader(delimiter: 0x2C)
    var chunked: [CSVReader.Record] = []
    var chunkedOK = true
    do {
        try reader.feed(bytes[..<split]) { chunked.append($0) }
        try reader.feed(bytes[split...]) { chunked.append($0) }
        try reader.finish { chunked.append($0) }
    } catch {
        chunkedOK = false
    }
    if let whole {
        precondition(chunkedOK, "chunked read failed where the whole read succeeded")
        precondition(whole.map(\.fields) == chunked.map(\.fields), "chunked records differ")
        precondition(whole.map(\.line) == chunked.map(\.line), "chunked line numbers differ")
    }

    // The whole table: header detection, row checks, messages.
    var diagnostics = Diagnostics()
    let context = DonationTable.Context(
        file: "content/data/donations.csv", campaignIDs: ["hn-2023", "ca-mau-2020"],
        periods: ["hn-2023": Day(year: 2023, month: 1, day: 1)!...Day(year: 2023, month: 12, day: 31)!])
    var rows = 0
    DonationTable.read(bytes: bytes, context: context, diagnostics: &diagnostics) { _ in rows += 1 }
    for language in [Language.vi, .en] {
        let printer = DiagnosticPrinter(language: language)
        _ = printer.format(diagnostics)
        _ = printer.formatJSON(diagnostics.items)
        for item in diagnostics.items { _ = printer.formatGitHub(item) }
    }
    return 0
}
