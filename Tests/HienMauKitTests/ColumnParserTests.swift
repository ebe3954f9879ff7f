import Foundation
import Testing

@testable import HienMauKit

/// One parser per column, used by the quick path on the bytes as they are and
/// by the careful path on the cells it normalised: the two cannot disagree.
@Suite struct ColumnParserTests {
    static let header = "campaign,date,site,donor,donor_id,unit,volume_ml,blood_group,prior_donations,consent\n"

    /// What each path makes of each row of `csv` (after its header), read on
    /// its own: the quick path's row, the careful path's row and its messages.
    static func bothPaths(_ csv: String) -> [(quick: DonationRow?, careful: DonationRow?, messages: String)] {
        let context = DonationTable.Context(file: "d.csv", campaignIDs: ["hn-2023"])
        var vocabulary = RowVocabulary()
        _ = vocabulary.campaigns.intern("hn-2023")
        let periods = CampaignPeriods(byEntry: [nil])
        var header: DonationHeader?
        var careful = CarefulRowReader(context: context)
        var out: [(quick: DonationRow?, careful: DonationRow?, messages: String)] = []
        var source = CSVRecordSource(file: "d.csv", bytes: Array(csv.utf8))
        let failure = source.readRecords { raw in
            var diagnostics = Diagnostics()
            guard let known = header else {
                header = DonationHeader.read(raw.record(), file: "d.csv", mapping: [:], diagnostics: &diagnostics)
                return header != nil
            }
            let quick = QuickRowReader(header: known, periods: periods).read(raw, vocabulary: &vocabulary)
            let row = careful.read(
                raw, header: known, periods: periods, vocabulary: &vocabulary, diagnostics: &diagnostics)
            out.append((quick, row, DiagnosticPrinter(language: .en).format(diagnostics)))
            return true
        }
        #expect(failure == nil)
        return out
    }

    @Test func dayPartsAreASCIIDigitsOnly() {
        #expect(Day(parsing: "2023-08-04") == Day(year: 2023, month: 8, day: 4))
        #expect(Day(parsing: "4/8/2023") == Day(year: 2023, month: 8, day: 4))
        #expect(Day(parsing: "04/08/2023") == Day(year: 2023, month: 8, day: 4))
        for text in [
            "2023-+8-04", "2023-08-+4", "+023-08-04", "1/+1/2023", "+1/1/2023", "1/1/+023", "-1/1/2023",
            "2023- 8-04", "2023-٠8-04", "1/1/2023/", "2023-08/04", "2023-8-4", "",
        ] {
            #expect(Day(parsing: text) == nil, "\(text)")
        }
    }

    @Test func numbersAreASCIIDigitsWithoutASign() {
        func cell<Value>(_ text: String, _ parse: (UnsafeBufferPointer<UInt8>) -> Result<Value, CellProblem>) -> Value?
        {
            try? Array(text.utf8).withUnsafeBufferPointer { parse($0) }.get()
        }
        #expect(cell("350", ColumnParsers.volume) == 350)
        #expect(cell("", ColumnParsers.volume) == 0)
        #expect(cell("0350", ColumnParsers.volume) == 350)
        for text in ["+350", "-0", " 350", "300", "35O", "99999999999999999999350"] {
            #expect(cell(text, ColumnParsers.volume) == nil, "\(text)")
        }
        #expect(cell("3", ColumnParsers.priorDonations) == 3)
        #expect(cell("", ColumnParsers.priorDonations) == -1)
        #expect(cell("99999999999", ColumnParsers.priorDonations) == Int32.max)
        for text in ["+3", "-3", "-0", "3.0", "99999999999999999999"] {
            #expect(cell(text, ColumnParsers.priorDonations) == nil, "\(text)")
        }
    }

    /// `Int("+8")` is 8: such cells were refused by the quick path and taken
    /// by the careful one. Now both refuse them, and the careful path says where.
    @Test func signedCellsAreRefusedByBothPaths() {
        let rows = Self.bothPaths(
            Self.header
                + "hn-2023,2023-+8-04,Trụ sở,An,A1,P1,350,O+,,yes\n"
                + "hn-2023,1/+1/2023,Trụ sở,An,A1,P1,350,O+,,yes\n"
                + "hn-2023,2023-08-04,Trụ sở,An,A1,P1,+350,O+,,yes\n"
                + "hn-2023,2023-08-04,Trụ sở,An,A1,P1,350,O+,+3,yes\n")
        #expect(rows.allSatisfy { $0.quick == nil && $0.careful == nil })
        #expect(
            rows.map(\.messages) == [
                "d.csv:2:9: error: date \"2023-+8-04\" cannot be read\nhn-2023,2023-+8-04,Trụ sở,An,A1,P1,350,O+,,yes\n        ^\nhint: write dates as YYYY-MM-DD or D/M/YYYY\n",
                "d.csv:3:9: error: date \"1/+1/2023\" cannot be read\nhn-2023,1/+1/2023,Trụ sở,An,A1,P1,350,O+,,yes\n        ^\nhint: write dates as YYYY-MM-DD or D/M/YYYY\n",
                "d.csv:4:36: error: volume_ml \"+350\" is not 0, 250, 350 or 450\nhn-2023,2023-08-04,Trụ sở,An,A1,P1,+350,O+,,yes\n                                   ^\nhint: use 0 or leave it empty for a registration that was deferred\n",
                "d.csv:5:43: error: prior_donations \"+3\" must be a whole number, 0 or more\nhn-2023,2023-08-04,Trụ sở,An,A1,P1,350,O+,+3,yes\n                                          ^\n",
            ])
    }

    /// Where the quick path reads a row, the careful path reads the same row
    /// from the same cells; where only the careful path does, it is the row
    /// the cells mean once normalised.
    @Test func bothPathsReadTheSameRow() throws {
        let nfd = "Nguyễn Văn An".decomposedStringWithCanonicalMapping
        let rows = Self.bothPaths(
            Self.header
                + "hn-2023,2023-08-04,Trụ sở,An,A1,P1,350,O+,3,có\n"
                + "hn-2023,4/8/2023,Trụ sở,Nguyễn Văn An,,,0350,AB-,0003,khong\n"
                + " hn-2023 ,2023-08-04, Trụ sở ,\(nfd),A1,P1, 350 ,o rh+, 3 ,YES\n")
        let quick = try #require(rows[0].quick)
        #expect(rows[0].careful == quick)
        #expect(rows[1].quick != nil && rows[1].careful == rows[1].quick)
        #expect(rows[1].quick?.volumeML == 350 && rows[1].quick?.prior == 3 && rows[1].quick?.consent == 0)
        #expect(rows[2].quick == nil)
        var third = try #require(rows[2].careful)
        #expect(third.donor == rows[1].careful?.donor)
        third.donor = quick.donor
        third.line = quick.line
        #expect(
            third
                == DonationRow(
                    campaign: quick.campaign, day: quick.day, site: quick.site, donor: quick.donor,
                    donorID: quick.donorID,
                    unit: quick.unit, volumeML: 350, prior: 3, line: quick.line, bloodGroup: 0, consent: 1))
        #expect(rows.allSatisfy { $0.messages.isEmpty })
    }
}
