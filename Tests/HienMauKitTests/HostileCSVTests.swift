import Foundation
import Testing

@testable import HienMauKit

/// CSVs made to hurt: as wide as Excel allows and wider, a cell longer than
/// a spreadsheet holds, control characters in cells, bidi overrides in
/// names. Each is read in memory that grows with the cells that hold text,
/// or refused at its line and column.
@Suite struct HostileCSVTests {
    static let row = "hn-2023,2023-08-04,Trụ sở,An,A1,P1,350,O+,,yes"

    func csv(_ text: String, language: String = "vi") -> String {
        let site = MiniSite(language: language)
        site.write("content/data/donations.csv", text)
        return site.report()
    }

    /// Each record's stored fields and field count, and again once copied
    /// into a batch for the thread that makes rows.
    func stored(_ text: String) -> (fields: [Int], counts: [Int], batched: [Int]) {
        var source = CSVRecordSource(file: "d.csv", bytes: Array(text.utf8))
        var fields: [Int] = [], counts: [Int] = [], batched: [Int] = []
        var batch = RecordBatch()
        let failure = source.readRecords { raw in
            fields.append(raw.spans.count)
            counts.append(raw.fieldCount)
            batch.append(raw)
            return true
        }
        #expect(failure == nil)
        func take(_ raw: RawRecord) -> Bool {
            batched.append(raw.spans.count)
            return true
        }
        _ = batch.forEach(take)
        return (fields, counts, batched)
    }

    // MARK: Width

    /// A sheet saved as CSV 16,384 columns wide (Excel's XFD) has that many
    /// fields on every row, nearly all empty: 3,258 such rows took 2.2 GB.
    /// Only the fields that hold text are kept.
    @Test func aRowOfAnExcelWideSheetStoresOnlyTheCellsThatHoldText() {
        let extra = String(repeating: ",", count: 16_384 - 10)
        let rows = (1...3).map { Self.row.replacing(",An,A1,", with: ",An \($0),A\($0),") + extra + "\n" }
        let text = String(MiniSite.header.dropLast()) + extra + "\n" + rows.joined()
        let (fields, counts, batched) = stored(text)
        #expect(counts == [16_384, 16_384, 16_384, 16_384])
        // The header's ten names; nine cells of each row (prior_donations is empty).
        #expect(fields == [10, 9, 9, 9])
        #expect(batched == [10, 9, 9, 9])
        #expect(csv(text) == "")
    }

    /// The same for a workbook: a row as wide as the widest (a cell in XFD) keeps only its cells with text.
    @Test func aWorkbookRowAsWideAsExcelStoresOnlyItsCells() throws {
        func cell(_ reference: String, _ text: String) -> String {
            "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>"
        }
        let header = ["campaign", "date", "site", "donor", "volume_ml"]
        let values = ["hn-2023", "2023-08-04", "Trụ sở", "An", "350"]
        let columns = ["A", "B", "C", "D", "E"]
        let rows =
            "<row r=\"1\">" + zip(columns, header).map { cell($0 + "1", $1) }.joined() + cell("XFD1", "x") + "</row>"
            + "<row r=\"2\">" + zip(columns, values).map { cell($0 + "2", $1) }.joined() + "</row>"
        let temp = TempFolder()
        let helper = HostileWorkbookTests()
        let url = try helper.workbook(
            helper.parts(sheet: HostileWorkbookTests.sheet(rows, dimension: "A1:XFD2")), in: temp)
        var source = WorkbookRecordSource(file: "d.xlsx", workbook: try Workbook(url: url))
        var fields: [Int] = [], counts: [Int] = [], donors: [String] = []
        let failure = source.readRecords { raw in
            fields.append(raw.spans.count)
            counts.append(raw.fieldCount)
            donors.append(
                String(decoding: raw.field(3), as: UTF8.self) + String(decoding: raw.field(100), as: UTF8.self))
            return true
        }
        #expect(failure == nil)
        #expect(counts == [16_384, 16_384])
        #expect(fields == [6, 5])
        #expect(donors == ["donor", "An"])
    }

    /// The start of a field left out is found from the fields around it: a
    /// message about an empty cell still points at it, in the middle of the
    /// row or at its end, on the reading thread or on another.
    @Test func anEmptyCellLeftOutIsStillPointedAt() {
        let header = "campaign,date,site,volume_ml,x,y,donor\n"
        let text = header + "hn-2023,2023-08-04,,350,,,An\n" + "hn-2023,2023-08-04,Trụ sở,350,,,\n"
        let expected = """
            content/data/donations.csv:2:20: lỗi: thiếu điểm hiến
            hn-2023,2023-08-04,,350,,,An
                               ^
            content/data/donations.csv:3:33: lỗi: thiếu họ tên người hiến
            hn-2023,2023-08-04,Trụ sở,350,,,
                                            ^

            """
        #expect(csv(text) == expected)
        var diagnostics = Diagnostics()
        var sink = CountingSink()
        DonationTable.read(
            bytes: Array(text.utf8),
            context: DonationTable.Context(file: "content/data/donations.csv", campaignIDs: ["hn-2023"]),
            diagnostics: &diagnostics, into: &sink, threads: 2, splitting: true)
        #expect(DiagnosticPrinter(language: .vi).format(diagnostics) == expected)
    }

    @Test func moreFieldsThanExcelHasColumnsIsALocatedError() {
        let text = MiniSite.header + Self.row + String(repeating: ",x", count: 16_384 - 10) + ",x,x\n"
        let column = Self.row.count + 2 * (16_384 - 10) + 2
        #expect(
            csv(text) == """
                content/data/donations.csv:2:\(column): lỗi: dòng có hơn 16.384 ô, quá số cột tối đa của Excel: đây không còn là một bảng
                gợi ý: chỉ giữ các cột của bảng: xoá các cột thừa ở bên phải rồi lưu lại dạng CSV UTF-8; nếu cả dòng là một cột, kiểm tra dấu phân cách

                """)
        #expect(
            csv(String(repeating: ",", count: 100_000), language: "en").hasPrefix(
                "content/data/donations.csv:1:16385: error: the row has more than 16,384 fields, past Excel's maximum of columns: this is no table\n"
            ))
    }

    /// docs/reference.md names the limits the reader holds.
    @Test func theReferenceNamesTheLimits() throws {
        let section = try ReferenceDocTests.section("### CSV files")
        #expect(section.contains("at most \(EnglishFormat.integer(CSVLimits.fields)) fields"))
        #expect(section.contains("at most \(EnglishFormat.integer(CSVLimits.cellCharacters)) characters"))
    }

    // MARK: Length

    /// Counted in characters, as Excel counts them: 32,767 `ễ` (three bytes each) are a cell, one more is not.
    @Test func aCellLongerThanExcelHoldsIsALocatedError() {
        let longest = String(repeating: "ễ", count: 32_767)
        #expect(!csv(MiniSite.header + Self.row.replacing(",An,", with: ",\(longest),") + "\n").contains("lỗi"))
        #expect(
            csv(MiniSite.header + Self.row.replacing(",An,", with: ",\(longest)ễ,") + "\n") == """
                content/data/donations.csv:2:27: lỗi: ô dài hơn 32.767 ký tự, giới hạn một ô của Excel
                gợi ý: một ô giữ một giá trị: nếu ô này nuốt cả các dòng sau, tìm dấu " mở ô mà không đóng, hoặc viết "" cho một dấu ngoặc kép trong ô

                """)
    }

    /// One quote that never closes the cell it opens takes the rest of the
    /// file into it; the cell is refused once it is too long, without reading on.
    @Test func aQuoteThatSwallowsTheFileIsRefusedAtItsCell() {
        let rows = String(repeating: Self.row + "\n", count: 4_000)
        let text = MiniSite.header + "hn-2023,2023-08-04,Trụ sở,\"An,A1,P1,350,O+,,yes\n" + rows
        #expect(
            csv(text, language: "en").hasPrefix(
                "content/data/donations.csv:2:27: error: the cell is longer than 32,767 characters, Excel's limit for a cell\n"
            ))
    }

    // MARK: Control characters

    @Test func controlCharactersInCellsAreRefusedByBothPaths() {
        let rows = ColumnParserTests.bothPaths(
            ColumnParserTests.header
                + "hn-2023,2023-08-04,Trụ sở,A\u{0}n,A1,P1,350,O+,,yes\n"
                + "hn-2023,2023-08-04,Trụ sở,An,A\u{1}1,P1,350,O+,,yes\n"
                + "hn-2023,2023-08-04,Trụ\u{0B}sở,An,A1,P1,350,O+,,yes\n"
                + "hn-2023,2023-08-04,Trụ sở,An,A1,P1\u{7F},350,O+,,yes\n"
                + "hn-2023,2023-08-04,Trụ sở,\u{93}An\u{94},A1,P1,350,O+,,yes\n"
                + "hn-2023\u{1B},2023-08-04,Trụ sở,An,A1,P1,350,O+,,yes\n")
        #expect(rows.allSatisfy { $0.quick == nil && $0.careful == nil })
        #expect(
            rows.map(\.messages) == [
                "d.csv:2:27: error: control character U+0000 is not allowed in the donor cell (character 2 of the cell)\nhn-2023,2023-08-04,Trụ sở,A␀n,A1,P1,350,O+,,yes\n                          ^\nhint: delete it (it usually comes in when copying from Word, Excel or a web page)\n",
                "d.csv:3:30: error: control character U+0001 is not allowed in the donor_id cell (character 2 of the cell)\nhn-2023,2023-08-04,Trụ sở,An,A␁1,P1,350,O+,,yes\n                             ^\nhint: delete it (it usually comes in when copying from Word, Excel or a web page)\n",
                "d.csv:4:20: error: control character U+000B is not allowed in the site cell (character 4 of the cell)\nhn-2023,2023-08-04,Trụ␋sở,An,A1,P1,350,O+,,yes\n                   ^\nhint: delete it (it usually comes in when copying from Word, Excel or a web page)\n",
                "d.csv:5:33: error: control character U+007F is not allowed in the unit cell (character 3 of the cell)\nhn-2023,2023-08-04,Trụ sở,An,A1,P1␡,350,O+,,yes\n                                ^\nhint: delete it (it usually comes in when copying from Word, Excel or a web page)\n",
                "d.csv:6:27: error: control character U+0093 is not allowed in the donor cell (character 1 of the cell)\nhn-2023,2023-08-04,Trụ sở,�An�,A1,P1,350,O+,,yes\n                          ^\nhint: delete it; U+0080–U+009F is usually a Windows-1252 quote or dash converted to UTF-8 the wrong way\n",
                "d.csv:7:1: error: control character U+001B is not allowed in the campaign cell (character 8 of the cell)\nhn-2023␛,2023-08-04,Trụ sở,An,A1,P1,350,O+,,yes\n^\nhint: delete it (it usually comes in when copying from Word, Excel or a web page)\n",
            ])
    }

    /// A tab, and a line break inside a quoted cell, are what a CSV may hold: read as a space in a name.
    @Test func aTabAndALineBreakInAQuotedCellAreNotControls() throws {
        let rows = ColumnParserTests.bothPaths(
            ColumnParserTests.header
                + "hn-2023,2023-08-04,Trụ sở,\"Nguyễn\r\nVăn\tAn\",A1,P1,350,O+,,yes\n")
        #expect(rows.count == 1 && rows[0].messages == "")
        #expect(rows[0].careful != nil)
    }

    /// Every cell with one is an error in one run; past a hundred, one more error counts the rest.
    @Test func everyControlCharacterIsReportedInOneRunUpToAHundred() {
        let bad = Self.row.replacing(",An,", with: ",A\u{0}n,") + "\n"
        let three = csv(MiniSite.header + Self.row + "\n" + bad + bad + Self.row + "\n" + bad)
        #expect(three.components(separatedBy: "lỗi: ký tự điều khiển U+0000").count == 4)
        #expect(three.contains("content/data/donations.csv:6:27: lỗi: ký tự điều khiển U+0000"))
        let many = csv(MiniSite.header + String(repeating: bad, count: 105))
        let errors = many.split(separator: "\n").filter { $0.contains(": lỗi: ") }
        #expect(errors.count == 101)
        #expect(
            errors.last
                == "content/data/donations.csv:102:1: lỗi: còn 5 lỗi khác cùng loại: ô có ký tự điều khiển (chỉ hiện 100 lỗi đầu)"
        )
    }

    /// A file of rows of the wrong width (a million lines of one field) kept
    /// a million messages: 1.4 GB. The first hundred are worded, then one counts the rest.
    @Test func rowsOfTheWrongWidthAreWordedUpToAHundred() {
        let errors = csv(MiniSite.header + String(repeating: "x\n", count: 250)).split(separator: "\n").filter {
            $0.contains(": lỗi: ")
        }
        #expect(errors.count == 101)
        #expect(errors.first == "content/data/donations.csv:2:1: lỗi: dòng có 1 ô nhưng tiêu đề có 10 cột")
        #expect(
            errors.last
                == "content/data/donations.csv:102:1: lỗi: còn 150 lỗi khác cùng loại: dòng có số ô khác tiêu đề (chỉ hiện 100 lỗi đầu)"
        )
    }

    /// Before, a NUL in a name was published as it was in the open-data CSVs.
    @Test func noNULReachesAPublishedFile() {
        let site = MiniSite()
        // 30 donations: on the honour roll and in its CSV.
        let row = Self.row.replacing(",An,", with: ",A\u{0}n,").replacing(",,yes", with: ",29,yes")
        site.write("content/data/donations.csv", MiniSite.header + row + "\n")
        let result = site.generate()
        let succeeded = result.succeeded
        #expect(!succeeded)
        for file in result.files { #expect(!file.bytes.contains(0), "\(file.path)") }
    }

    // MARK: Bidi

    /// A right-to-left override in a donor's name from the CSV reaches neither
    /// the honour roll nor a published CSV: dropped there, as on every page.
    @Test func bidiOverridesInNamesReachNoHonourRollNorDownload() throws {
        let site = MiniSite()
        site.write(
            "content/data/donations.csv",
            MiniSite.header
                + "hn-2023,2023-08-04,Trụ sở,Nguy\u{202E}ễn Văn An\u{202C},A1,\u{2067}Phòng 1\u{2069},350,O+,29,yes\n")
        let result = site.generate()
        #expect(result.succeeded, "\(result.diagnostics.items)")
        let controls: [Unicode.Scalar] = BidiTests.controls
        let roll = try #require(result.files.first { $0.path == "vinh-danh/index.html" })
        #expect(String(decoding: roll.bytes, as: UTF8.self).contains("Nguyễn Văn An"))
        let downloads = result.files.filter { $0.path.hasSuffix(".csv") }
        #expect(!downloads.isEmpty)
        #expect(downloads.contains { String(decoding: $0.bytes, as: UTF8.self).contains("Nguyễn Văn An") })
        for file in result.files {
            let text = String(decoding: file.bytes, as: UTF8.self)
            #expect(!text.unicodeScalars.contains(where: { controls.contains($0) }), "\(file.path)")
        }
    }
}

/// A sink that counts the rows.
struct CountingSink: DonationRowSink {
    var rows = 0
    var indexByID: [String: Int] = ["hn-2023": 0]
    var vocabulary = RowVocabulary()
    var rowsRead: Int { rows }
    mutating func add(_ row: DonationRow) { rows += 1 }
    mutating func reserve(rows: Int) {}
}

/// The awards are published too: a control character in one of their texts is an error at its cell.
@Suite struct HonoursControlTests {
    @Test func aControlCharacterInAnAwardIsLocated() {
        let csv = "recipient,kind,award,issuer,year\nĐoàn\u{0}Thanh niên,collective,Bằng khen,UBND tỉnh,2020\n"
        var diagnostics = Diagnostics()
        let honours = HonoursTable.parse(Array(csv.utf8), file: "h.csv", diagnostics: &diagnostics)
        #expect(honours.isEmpty)
        #expect(
            DiagnosticPrinter(language: .en).format(diagnostics)
                == "h.csv:2:1: error: control character U+0000 is not allowed in the recipient cell (character 5 of the cell)\nĐoàn␀Thanh niên,collective,Bằng khen,UBND tỉnh,2020\n^\nhint: delete it (it usually comes in when copying from Word, Excel or a web page)\n"
        )
        #expect(
            DiagnosticPrinter(language: .vi).format(diagnostics)
                == "h.csv:2:1: lỗi: ký tự điều khiển U+0000 không được có trong ô recipient (ký tự thứ 5 của ô)\nĐoàn␀Thanh niên,collective,Bằng khen,UBND tỉnh,2020\n^\ngợi ý: xoá ký tự đó (thường lẫn vào khi chép từ Word, Excel hay một trang web)\n"
        )
    }
}

/// Found by the fuzz target: a no-break space was kept by the quick path and
/// made a space by the careful one, so one site (or donor) could be counted
/// as two, depending on which path read each row.
@Suite struct NoBreakSpaceTests {
    @Test(arguments: ["H\u{A0}N", "H\u{A0} N", "H \u{A0}N"])
    func aNoBreakSpaceIsReadAsASpaceByBothPaths(_ site: String) {
        let rows = ColumnParserTests.bothPaths(
            ColumnParserTests.header + "hn-2023,2023-08-04,\(site),An,A1,P1,350,O+,,yes\n"
                + "hn-2023,2023-08-04,H N,An,A1,P1,350,O+,,yes\n")
        #expect(rows.count == 2)
        #expect(rows[0].quick == nil, "the quick path leaves it to the careful one")
        let careful = rows[0].careful
        #expect(careful != nil && careful?.site == rows[1].quick?.site, "the same site as \"H N\"")
    }
}

/// A file of NUL bytes is no text at all: it is not told it looks like UTF-16.
@Suite struct NULFileTests {
    func messages(_ bytes: [UInt8]) -> String {
        var diagnostics = Diagnostics()
        var builder = FigureBuilder(
            campaigns: [.init(id: "hn-2023", targetUnits: nil)], milestones: [2], consentDefault: false)
        DonationTable.read(
            bytes: bytes, context: .init(file: "d.csv", campaignIDs: ["hn-2023"]), diagnostics: &diagnostics,
            into: &builder)
        return DiagnosticPrinter(language: .en).format(diagnostics)
    }

    @Test func aFileOfNULsIsNoText() {
        #expect(
            messages(Array(repeating: 0, count: 10_000))
                == "d.csv:1:1: error: the file is NUL bytes through and through: it is not text saved from a spreadsheet\nhint: if it is a workbook, name it donations.xlsx (or .ods); otherwise save the sheet as CSV UTF-8\n"
        )
    }

    @Test func utf16WithoutItsMarkIsStillToldSo() {
        let text = "campaign,date,site,donor\nhn-2023,2023-08-04,Trụ sở,An\n"
        let bytes = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(
            messages(bytes).hasPrefix(
                "d.csv:1:1: error: the file looks like UTF-16 (Excel's \"Unicode Text\"), not UTF-8"))
    }
}
