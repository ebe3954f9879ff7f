import Foundation

// libFuzzer target: any bytes as donations.csv. The reader must never crash,
// reading in chunks must give the same records as reading at once, a row the
// quick path reads must be the row the careful path reads, one thread and two
// must agree, and every diagnostic must print (source line, caret).
@testable import HienMauKit

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

    // The quick path (bytes as they are) against the careful path (normalised
    // cells), record by record: both read cells with the same column parsers.
    let context = DonationTable.Context(
        file: "content/data/donations.csv", campaignIDs: ["hn-2023", "ca-mau-2020"],
        periods: ["hn-2023": Day(year: 2023, month: 1, day: 1)!...Day(year: 2023, month: 12, day: 31)!])
    var vocabulary = RowVocabulary()
    var entries: [ClosedRange<Int32>?] = []
    for id in context.campaignIDs.sorted() {
        _ = vocabulary.campaigns.intern(id)
        entries.append(context.periods[id].map { Int32($0.lowerBound.ordinal)...Int32($0.upperBound.ordinal) })
    }
    let periods = CampaignPeriods(byEntry: entries)
    var header: DonationHeader?
    var quick = QuickRowReader.beforeHeader
    var careful = CarefulRowReader(context: context)
    func compare(_ record: RawRecord) -> Bool {
        guard let known = header else {
            var ignored = Diagnostics()
            header = DonationHeader.read(record.record(), file: context.file, mapping: [:], diagnostics: &ignored)
            if let header { quick = QuickRowReader(header: header, periods: periods) }
            return true
        }
        guard let row = quick.read(record, vocabulary: &vocabulary) else { return true }
        var messages = Diagnostics()
        let carefulRow = careful.read(
            record, header: known, periods: periods, vocabulary: &vocabulary, diagnostics: &messages)
        precondition(messages.items.isEmpty, "the careful path has messages for a row the quick path read")
        precondition(carefulRow == row, "the quick and the careful path read a row differently")
        return true
    }
    var source = CSVRecordSource(file: context.file, bytes: bytes)
    _ = source.readRecords(compare)

    // The whole table on one thread and on two: header detection, row checks, figures, messages.
    func table(threads: Int, splitting: Bool = false) -> String {
        var diagnostics = Diagnostics()
        var builder = FigureBuilder(
            campaigns: [.init(id: "hn-2023", targetUnits: 100)], milestones: [2, 5],
            consentDefault: false, file: context.file)
        DonationTable.read(
            bytes: bytes, context: context, diagnostics: &diagnostics, into: &builder, threads: threads,
            splitting: splitting)
        diagnostics.append(contentsOf: builder.nameWarnings())
        diagnostics.append(contentsOf: builder.donorWarnings(file: context.file))
        let figures = builder.finish()
        var out = ""
        for language in [Language.vi, .en] {
            let printer = DiagnosticPrinter(language: language)
            out += printer.format(diagnostics)
            _ = printer.formatJSON(diagnostics.items)
            for item in diagnostics.items { _ = printer.formatGitHub(item) }
        }
        return out + "\(figures.totals) \(figures.honourRoll) \(figures.rowsRead)"
    }
    // Starting a thread per input is slow under the sanitizers: one input in four.
    if split % 4 == 0 {
        let one = table(threads: 1)
        precondition(one == table(threads: 2), "one thread and two differ")
        precondition(one == table(threads: 2, splitting: true), "one thread and a split reading differ")
    } else {
        _ = table(threads: 1)
    }
    return 0
}
