/// The layout around a table's rows: finding the header below title rows,
/// the totals row checked against the rows above, the end of the table.
extension RowMaker {
    /// A record of another sheet: the table before it ends, a new one begins.
    mutating func startTable(sheet: Int32) {
        endTable()
        layout = TableLayout(sheet: sheet)
        header = nil
        quick = .beforeHeader
    }

    /// A title row, or the header: the first row that names every required column.
    mutating func lookForHeader(_ raw: RawRecord) -> Bool {
        let record = raw.record()
        guard layout.consider(record, mapping: context.columnMapping) else {
            if layout.searchedEnough { giveUpOnHeader() }
            return !stopped
        }
        header = DonationHeader.read(
            record, file: context.file, mapping: context.columnMapping,
            sheet: context.sheetName(layout.sheet), diagnostics: &diagnostics)
        guard let header else {
            // Every required column is named, but one twice: said by `read`.
            layout.state = .skipped
            stopped = layout.sheet < 0
            return !stopped
        }
        quick = QuickRowReader(header: header, periods: periods)
        layout.state = .afterHeader
        tablesRead += 1
        return true
    }

    /// The table ended (a new sheet, or the end of the records) still looking for its header.
    mutating func endTable() {
        if layout.state == .lookingForHeader, layout.firstLine != nil { giveUpOnHeader() }
    }

    /// No row named every required column. A sheet that names almost none is
    /// not a table (a cover sheet) and is skipped; otherwise the row that came
    /// closest is worded: as the header, when it is the first row; as the
    /// header below a title, when rows above it are a letterhead.
    private mutating func giveUpOnHeader() {
        layout.state = .skipped
        let sheetName = context.sheetName(layout.sheet)
        guard let best = layout.best, !(sheetName != nil && best.named.count < 2) else {
            if let sheetName { skippedSheets.append(sheetName) }
            return
        }
        if layout.sheet < 0 { stopped = true }
        if best.record.line == layout.firstLine || best.named.isEmpty {
            _ = DonationHeader.read(
                best.record, file: context.file, mapping: context.columnMapping, sheet: sheetName,
                diagnostics: &diagnostics)
            return
        }
        diagnostics.error(
            SourceLocation(file: context.file, line: best.record.line, column: 1),
            LayoutMessages.headerBelowTitle(best.record, named: best.named, above: layout.firstLine ?? 1)
                .placed(sheet: sheetName, cell: CellReference(row: best.record.line, column: 1)),
            hint: LayoutMessages.headerBelowTitleHint(best.record, named: best.named))
    }

    /// A totals row is left out of the figures; its volume and count are
    /// checked against the rows above it (since the table began, or since the
    /// last totals row, for subtotals), a warning when neither agrees.
    mutating func checkTotals(_ record: CSVReader.Record) {
        defer { layout.sinceTotals = RowSums() }
        guard let header else { return }
        func number(_ column: DonationColumn) -> Int? {
            guard let field = header.index[column], field < record.fields.count else { return nil }
            let digits = record.fields[field].filter { !" .,\u{00A0}".contains($0) }
            return digits.isEmpty || !digits.allSatisfy(\.isASCII) ? nil : Int(digits)
        }
        let sheetName = context.sheetName(layout.sheet)
        let checks: [(DonationColumn, Int?, KeyPath<RowSums, Int>)] = [
            (.volumeML, number(.volumeML), \.volumeML), (.donor, number(.donor), \.registrations),
        ]
        for (column, written, sum) in checks {
            guard let written, written != layout.sinceStart[keyPath: sum], written != layout.sinceTotals[keyPath: sum]
            else { continue }
            let field = header.index[column] ?? 0
            let location = SourceLocation(
                file: context.file, line: record.line,
                column: sheetName == nil ? DonationHeader.column(of: field, in: record) : field + 1)
            diagnostics.warning(
                location,
                LayoutMessages.totalsDisagree(column, written: written, sum: layout.sinceStart[keyPath: sum])
                    .placed(sheet: sheetName, cell: CellReference(row: record.line, column: field + 1)),
                hint: LayoutMessages.totalsHint, line: sheetName == nil ? record.firstLineText : nil)
        }
    }

    /// Below a signature block nothing is read; a row there that holds a
    /// donation (a name and a volume or date) is an error, not a silent loss.
    mutating func checkBelowTheEnd(_ record: CSVReader.Record) {
        guard let header else { return }
        let filled = [DonationColumn.campaign, .date, .donor, .volumeML].filter { column in
            header.index[column].map { $0 < record.fields.count && !record.fields[$0].trimmed.isEmpty } ?? false
        }
        guard filled.count >= 3 else { return }
        let sheetName = context.sheetName(layout.sheet)
        diagnostics.error(
            SourceLocation(file: context.file, line: record.line, column: 1),
            LayoutMessages.belowTheEnd.placed(sheet: sheetName, cell: CellReference(row: record.line, column: 1)),
            hint: LayoutMessages.belowTheEndHint, line: sheetName == nil ? record.firstLineText : nil)
    }

    /// A workbook: the sheets without a table, once; an error when no sheet has one.
    mutating func reportSheets() {
        let location = SourceLocation(file: context.file, line: 1, column: 1)
        guard tablesRead > 0 else {
            let names = context.sheetNames.indices.map {
                (name: context.sheetNames[$0], awards: context.awardSheets.contains($0))
            }
            let others = names.filter { !$0.awards }.map(\.name)
            if others.isEmpty, !names.isEmpty {
                diagnostics.error(
                    location, LayoutMessages.onlyAwards(names.map(\.name)), hint: LayoutMessages.onlyAwardsHint)
            } else {
                diagnostics.error(
                    location, LayoutMessages.noSheetHasAHeader(others), hint: LayoutMessages.noSheetHasAHeaderHint)
            }
            return
        }
        if !skippedSheets.isEmpty {
            diagnostics.append(Diagnostic(.note, at: location, LayoutMessages.skippedSheets(skippedSheets)))
        }
    }
}

/// The checks across rows (`RecordChecks`), worded.
extension RowMaker {
    mutating func reportTwoNames(_ raw: RawRecord, _ row: DonationRow, first: (firstName: Int32, firstLine: Int32)) {
        guard let header else { return }
        let place = RecordPlace(record: raw.record(), header: header, context: context)
        let id = vocabulary.donorIDs.peekText(row.donorID)
        let before = vocabulary.names.peekText(first.firstName), now = vocabulary.names.peekText(row.donor)
        guard twoNames.admit(line: Int(row.line)) else { return }
        diagnostics.warning(
            place.location(.donor),
            place.placed(
                Message(
                    vi: "donor_id \"\(id)\" mang hai tên: \"\(before)\" ở dòng \(first.firstLine) và \"\(now)\" ở đây",
                    en:
                        "donor_id \"\(id)\" carries two names: \"\(before)\" on row \(first.firstLine) and \"\(now)\" here"
                ), .donor),
            hint: Message(
                vi:
                    "các dòng có cùng mã được tính là một người: sửa tên cho giống nhau nếu là cùng một người (đổi tên thì giữ nguyên), hoặc sửa mã nếu là hai người",
                en:
                    "rows with one id count as one person: make the names the same if it is one person (or leave them, for a change of name), or fix the id if they are two"
            ),
            line: place.lineText)
    }

    /// A published campaign that no row belongs to: its page would show zeros.
    mutating func reportCampaignsWithoutRows() {
        for entry in checks.campaignsWithoutRows() where buildIndex[entry] >= 0 {
            let id = vocabulary.campaigns.peekText(Int32(entry))
            diagnostics.warning(
                SourceLocation(file: context.file),
                Message(
                    vi: "chiến dịch \(id) có bài viết nhưng không có dòng số liệu nào: trang của nó sẽ chỉ toàn số 0",
                    en: "campaign \(id) has a write-up but no rows: its page would show only zeros"),
                hint: Message(
                    vi:
                        "thêm các dòng của chiến dịch vào \(context.file), hoặc để bài viết ở draft: true đến khi có số liệu",
                    en:
                        "add the campaign's rows to \(context.file), or keep the write-up at draft: true until they come"
                ))
        }
    }
}
