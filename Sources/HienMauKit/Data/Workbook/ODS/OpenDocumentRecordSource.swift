import Foundation

/// `donations.ods` as a `RecordSource`, as `WorkbookRecordSource` is for a
/// `.xlsx`: every sheet in tab order, each row a record whose fields are the
/// sheet's columns from A, as text. The sheets are all in one part of the
/// file, so they are read in one pass; a record's `sheet` says which one it is on.
struct OpenDocumentRecordSource: SheetRecordSource {
    let file: String
    let workbook: OpenDocumentWorkbook
    /// Sheets that are not donations (the awards), by index: not read.
    var skipped: Set<Int> = []

    mutating func readRecords(_ take: (RawRecord) -> Bool) -> Diagnostic? {
        var record = RecordBuilder()
        var width = 0, current = -1
        let skipped = self.skipped
        do {
            let problem = try withoutActuallyEscaping(take) { take in
                try workbook.readRows(wanted: { !skipped.contains($0) }) { sheet, row in
                    // Each row is padded to the widest of its sheet so far, so that the data rows have the header's width.
                    if sheet != current { (current, width) = (sheet, 0) }
                    width = min(max(width, row.lastColumn), CellReference.maxColumn)
                    record.fill(row, width: width)
                    return record.withRaw(row, sheet: Int32(sheet)) { take($0) }
                }
            }
            if let problem {
                return WorkbookError(
                    problem.message, hint: WorkbookError.resaveHint, sheet: name(problem.sheet), cell: problem.cell
                )
                .diagnostic(file: file)
            }
        } catch let error as WorkbookError {
            var located = error
            located.sheet = located.sheet ?? name(current)
            return located.diagnostic(file: file)
        } catch {
            return WorkbookError.notAnOpenDocument("\(error)").diagnostic(file: file)
        }
        return nil
    }

    private func name(_ sheet: Int) -> String? {
        workbook.sheets.indices.contains(sheet) ? workbook.sheets[sheet] : nil
    }
}

extension DonationTable {
    /// A workbook saved as OpenDocument (`donations.ods`): every sheet, each
    /// a table of its own, parsed on a thread of its own as a `.xlsx` is.
    @discardableResult
    static func readOpenDocument<Sink: DonationRowSink>(
        url: URL, context: Context, diagnostics: inout Diagnostics, into builder: inout Sink,
        threads: Int = 1, limits: OpenDocumentWorkbook.Limits = OpenDocumentWorkbook.Limits(),
        progress: ((Int) -> Void)? = nil
    ) -> [AwardsSheet] {
        let workbook: OpenDocumentWorkbook
        do {
            workbook = try OpenDocumentWorkbook(url: url, limits: limits)
        } catch let error as WorkbookError {
            diagnostics.append(error.diagnostic(file: context.file))
            return []
        } catch {
            diagnostics.append(WorkbookError.notAnOpenDocument("\(error)").diagnostic(file: context.file))
            return []
        }
        let awards = readAwards(in: workbook, file: context.file, diagnostics: &diagnostics)
        return read(
            sheets: OpenDocumentRecordSource(file: context.file, workbook: workbook), named: workbook.sheets,
            awards: awards,
            context: context, diagnostics: &diagnostics, into: &builder, threads: threads, progress: progress)
    }
}
