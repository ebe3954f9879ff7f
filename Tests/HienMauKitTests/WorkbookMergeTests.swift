import Foundation
import Testing

@testable import HienMauKit

/// Merged ranges are found while the rows are parsed (`MergesAlongside`):
/// whichever is quicker, every row leaves with its merged cells filled in,
/// and a range that cannot be read stops the sheet.
@Suite struct WorkbookMergeTests {
    let hostile = HostileWorkbookTests()

    /// Column A of every row, as the reader gives it.
    func columnA(_ url: URL) throws -> [Int: String] {
        let workbook = try Workbook(url: url)
        var values: [Int: String] = [:]
        let problems = try workbook.rows(of: workbook.sheets[0]) { row in
            if case .text(let text) = row.value(at: 1) { values[row.row] = text }
        }
        #expect(problems.isEmpty)
        return values
    }

    @Test func rangesAtTheTopMiddleAndEndOfALongSheetAreAllFilled() throws {
        let temp = TempFolder()
        // More rows than wait for the ranges (MergesAlongside.heldRows), in three merged stretches.
        let count = 3 * MergesAlongside.heldRows
        let stretches = [(2, 3_000), (count / 2, count / 2 + 100), (count - 1_000, count)]
        var rows = ""
        for row in 1...count {
            let first = stretches.first { $0.0 == row }
            let a =
                first != nil || stretches.allSatisfy({ !($0.0...$0.1).contains(row) })
                ? "<c r=\"A\(row)\" t=\"inlineStr\"><is><t>a\(row)</t></is></c>" : ""
            rows += "<row r=\"\(row)\">\(a)<c r=\"B\(row)\"><v>\(row)</v></c></row>"
        }
        let merges =
            "<mergeCells>" + stretches.map { "<mergeCell ref=\"A\($0.0):A\($0.1)\"/>" }.joined() + "</mergeCells>"
        let url = try hostile.workbook(
            hostile.parts(sheet: HostileWorkbookTests.sheet(rows, merges: merges)), in: temp)
        let values = try columnA(url)
        for row in 1...count {
            let stretch = stretches.first { ($0.0...$0.1).contains(row) }
            #expect(values[row] == "a\(stretch?.0 ?? row)", "row \(row)")
        }
    }

    @Test(arguments: [
        "<mergeCells><mergeCell ref=\"A1:\"/></mergeCells>", "<mergeCells><mergeCell ref=\"1A\"/></mergeCells>",
    ])
    func aMergedRangeThatCannotBeReadStopsTheSheet(_ merges: String) throws {
        let temp = TempFolder()
        let rows = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>x</t></is></c></row><row r=\"2\"/>"
        let url = try hostile.workbook(
            hostile.parts(sheet: HostileWorkbookTests.sheet(rows, merges: merges)), in: temp)
        guard case .failure(let error) = hostile.read(url) else {
            Issue.record("read")
            return
        }
        #expect(error.message.en == "the sheet has a merged range (mergeCell) that cannot be read")
        #expect(error.message.vi == "trang có vùng gộp ô (mergeCell) không đọc được")
        #expect(error.sheet == "Số liệu")
        #expect(error.hint == WorkbookError.resaveHint)
    }

    @Test func aMergeTagThatNeverEndsIsDamageNotSomethingToKeep() {
        var scanner = MergedRangeScanner()
        let tag = Array("<mergeCell ref=\"A1:A2\"".utf8) + Array(repeating: UInt8(ascii: "x"), count: 4_000)
        // In chunks, as the sheet is inflated: the cut tag is kept until a kilobyte shows it is no tag.
        for start in stride(from: 0, to: tag.count, by: 700) {
            tag[start..<min(start + 700, tag.count)].withUnsafeBufferPointer { scanner.feed($0) }
        }
        #expect(scanner.damaged)
        #expect(scanner.finish().isEmpty)
        var good = MergedRangeScanner()
        let split = Array("<row/></sheetData><mergeCells><mergeCell ref=\"A5:A20\"/><mergeCell ref=\"B2:C3\"/>".utf8)
        split[..<35].withUnsafeBufferPointer { good.feed($0) }
        split[35...].withUnsafeBufferPointer { good.feed($0) }
        #expect(!good.damaged)
        #expect(good.finish().map { "\($0.first):\($0.last)" } == ["B2:C3", "A5:A20"])
    }
}
