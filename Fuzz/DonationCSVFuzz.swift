// libFuzzer target: any bytes as donations.csv. The reader must never crash,
// reading in chunks must give the same records as reading at once, a row the
// quick path reads must be the row the careful path reads, one thread and two
// must agree, and every diagnostic must print (source line, caret).
@testable import HienMauKit
import Foundation

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

    // The quick path (bytes) against the careful path (strings), record by record.
    let context = DonationTable.Context(
        file: "content/data/donations.csv", campaignIDs: ["hn-2023", "ca-mau-2020"],
        periods: ["hn-2023": Day(year: 2023, month: 1, day: 1)!...Day(year: 2023, month: 12, day: 31)!])
    var vocabulary = RowVocabulary()
    var periods: [Int32: ClosedRange<Int32>] = [:]
    for id in context.campaignIDs.sorted() {
        let entry = vocabulary.campaigns.intern(id)
        if let period = context.periods[id] { periods[entry] = Int32(period.lowerBound.ordinal)...Int32(period.upperBound.ordinal) }
    }
    var header: DonationHeader?
    var quick = QuickRowReader.none
    var checker = RowChecker(context: context)
    var raw = CSVReader(delimiter: 0x2C)
    func compare(_ record: RawRecord) {
        guard let known = header else {
            var ignored = Diagnostics()
            header = DonationHeader.read(record.record(), file: context.file, mapping: [:], diagnostics: &ignored)
            if let header { quick = QuickRowReader(header: header, periods: periods) }
            return
        }
        guard let row = quick.read(record, vocabulary: &vocabulary) else { return }
        var messages = Diagnostics()
        guard let careful = checker.check(record.record(), header: known, diagnostics: &messages), messages.items.isEmpty else {
            preconditionFailure("the quick path read a row the careful path rejects or warns about")
        }
        precondition(sameBytes(vocabulary.campaigns.peekText(row.campaign), careful.campaign), "campaign differs")
        precondition(Int(row.day) == careful.date.ordinal, "date differs")
        precondition(sameBytes(vocabulary.sites.peekText(row.site), careful.site), "site differs")
        precondition(sameBytes(vocabulary.names.peekText(row.donor), careful.donor), "donor differs")
        precondition(row.donorID < 0 ? careful.donorID == nil
                     : careful.donorID.map { sameBytes($0, vocabulary.donorIDs.peekText(row.donorID)) } == true, "donor_id differs")
        precondition(row.unit < 0 ? careful.unit == nil : careful.unit.map { sameBytes($0, vocabulary.units.peekText(row.unit)) } == true, "unit differs")
        precondition(Int(row.volumeML) == careful.volumeML, "volume differs")
        precondition((row.bloodGroup >= 0 ? BloodGroup.all[Int(row.bloodGroup)] : nil) == careful.bloodGroup, "blood group differs")
        precondition((row.prior >= 0 ? Int(row.prior) : nil) == careful.priorDonations, "prior_donations differs")
        precondition((row.consent >= 0 ? row.consent == 1 : nil) == careful.consent, "consent differs")
    }
    try? raw.feedRaw(bytes) { compare($0) }
    try? raw.finishRaw { compare($0) }

    // The whole table on one thread and on two: header detection, row checks, figures, messages.
    func table(threads: Int, splitting: Bool = false) -> String {
        var diagnostics = Diagnostics()
        var builder = FigureBuilder(campaigns: [.init(id: "hn-2023", targetUnits: 100)], milestones: [2, 5],
                                    consentDefault: false, file: context.file)
        DonationTable.read(bytes: bytes, context: context, diagnostics: &diagnostics, into: &builder, threads: threads,
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
