import Foundation

/// A sheet of awards: one in `honours.xlsx` or `honours.ods`, or the sheet
/// of `donations.xlsx` (`.ods`) named for them ("Khen thưởng"). Its rows
/// that hold anything, each cell as the text a CSV saved from it would
/// hold, for `HonoursTable`.
struct AwardsSheet: Equatable, Sendable {
    struct Row: Equatable, Sendable {
        /// The sheet's row number.
        var line: Int
        /// Columns from A, to the last that holds anything.
        var fields: [String]
    }

    var name: String
    var rows: [Row] = []

    /// Sheet names that say a sheet of the donations workbook holds awards, by slug.
    static let sheetNames: Set<String> = ["honours", "honors", "awards", "khen-thuong", "danh-sach-khen-thuong"]

    static func holdsAwards(_ sheetName: String) -> Bool { sheetNames.contains(Slug.make(sheetName)) }

    mutating func add(_ row: WorkbookRow) {
        // A .xlsx row's cells are in the order the file has them, which need not be the columns'.
        var fields = Array(repeating: "", count: row.cells.map(\.column).max() ?? 0)
        var bytes: [UInt8] = []
        for cell in row.cells {
            bytes.removeAll(keepingCapacity: true)
            cell.value.appendRecordText(to: &bytes)
            fields[cell.column - 1] = String(decoding: bytes, as: UTF8.self)
        }
        rows.append(Row(line: row.row, fields: fields))
    }

    /// The sheets of an `.xlsx` that `wanted` names.
    static func read(_ workbook: Workbook, wanted: (Workbook.Sheet) -> Bool) throws -> [AwardsSheet] {
        try workbook.sheets.filter(wanted).map { sheet in
            var awards = AwardsSheet(name: sheet.name)
            let problems = try workbook.rows(of: sheet) { awards.add($0) }
            if let first = problems.first {
                throw WorkbookError(first.message, hint: WorkbookError.resaveHint, sheet: sheet.name, cell: first.cell)
            }
            return awards
        }
    }

    /// The sheets of an `.ods` whose index `wanted` holds, in one pass that ends after the last.
    static func read(_ workbook: OpenDocumentWorkbook, wanted: Set<Int>) throws -> [AwardsSheet] {
        guard let last = wanted.max() else { return [] }
        var sheets: [Int: AwardsSheet] = [:]
        for index in wanted { sheets[index] = AwardsSheet(name: workbook.sheets[index]) }
        let problem = try workbook.readRows(
            wanted: { wanted.contains($0) }, last: last,
            emit: { index, row in
                sheets[index]?.add(row)
                return true
            })
        if let problem {
            throw WorkbookError(
                problem.message, hint: WorkbookError.resaveHint, sheet: workbook.sheets[problem.sheet],
                cell: problem.cell)
        }
        return wanted.sorted().compactMap { sheets[$0] }
    }

    /// Every sheet of `honours.xlsx` or `honours.ods`; nil, reported, when the file cannot be read.
    static func readFile(_ url: URL, file: String, diagnostics: inout Diagnostics) -> [AwardsSheet]? {
        do {
            if url.pathExtension.lowercased() == "ods" {
                let workbook = try OpenDocumentWorkbook(url: url)
                return try read(workbook, wanted: Set(workbook.sheets.indices))
            }
            return try read(Workbook(url: url)) { _ in true }
        } catch let error as WorkbookError {
            diagnostics.append(error.diagnostic(file: file))
        } catch {
            diagnostics.append(WorkbookError.notAWorkbook("\(error)").diagnostic(file: file))
        }
        return nil
    }
}

extension DonationTable {
    /// The sheets of the records' workbook that hold awards, by index, and
    /// their rows; a sheet that cannot be read is reported and left out.
    static func readAwards(in workbook: Workbook, file: String, diagnostics: inout Diagnostics) -> (
        skipped: Set<Int>, sheets: [AwardsSheet]
    ) {
        let skipped = Set(workbook.sheets.indices.filter { AwardsSheet.holdsAwards(workbook.sheets[$0].name) })
        guard !skipped.isEmpty else { return ([], []) }
        do {
            return (skipped, try AwardsSheet.read(workbook) { AwardsSheet.holdsAwards($0.name) })
        } catch let error as WorkbookError {
            diagnostics.append(error.diagnostic(file: file))
        } catch {
            diagnostics.append(WorkbookError.notAWorkbook("\(error)").diagnostic(file: file))
        }
        return (skipped, [])
    }

    static func readAwards(in workbook: OpenDocumentWorkbook, file: String, diagnostics: inout Diagnostics) -> (
        skipped: Set<Int>, sheets: [AwardsSheet]
    ) {
        let skipped = Set(workbook.sheets.indices.filter { AwardsSheet.holdsAwards(workbook.sheets[$0]) })
        guard !skipped.isEmpty else { return ([], []) }
        do {
            return (skipped, try AwardsSheet.read(workbook, wanted: skipped))
        } catch let error as WorkbookError {
            diagnostics.append(error.diagnostic(file: file))
        } catch {
            diagnostics.append(WorkbookError.notAnOpenDocument("\(error)").diagnostic(file: file))
        }
        return (skipped, [])
    }
}
