/// One row of an awards list: a CSV record, or a sheet's row.
struct AwardLine {
    var fields: [String]
    var line: Int
    /// The sheet the row is on; nil in a CSV.
    var sheet: String?
    /// The CSV record, for the column in characters and the line shown under a message.
    var csv: CSVReader.Record?

    init(fields: [String], line: Int, sheet: String?) {
        self.fields = fields
        self.line = line
        self.sheet = sheet
    }

    init(csv record: CSVReader.Record) {
        fields = record.fields
        line = record.line
        csv = record
    }

    /// The field, or empty past the row's last cell (a sheet's rows end at their last filled cell).
    func field(_ index: Int) -> String { index < fields.count ? fields[index] : "" }

    /// The CSV line; nil on a sheet, whose message names the cell.
    var text: String? { csv.map { String(decoding: $0.raw, as: UTF8.self) } }

    func location(file: String, field: Int) -> SourceLocation {
        guard let csv else { return SourceLocation(file: file, line: line, column: field + 1) }
        return SourceLocation(file: file, line: line, column: DonationHeader.column(of: field, in: csv))
    }

    /// On a sheet, the message names the sheet and the cell.
    func placed(_ message: Message, field: Int) -> Message {
        message.placed(sheet: sheet, cell: CellReference(row: line, column: field + 1))
    }
}

extension HonoursTable {
    /// One row below the header.
    struct Row {
        let line: AwardLine
        let index: [String: Int]
        let file: String

        func value(_ name: String) -> String { line.field(index[name]!).trimmed }

        func error(_ name: String, _ message: Message, hint: Message? = nil, diagnostics: inout Diagnostics) {
            diagnostics.error(
                line.location(file: file, field: index[name]!), line.placed(message, field: index[name]!),
                hint: hint, line: line.text.map(CellControls.shown))
        }

        /// A control character in a text that is published is an error, as in the donations.
        func controls(diagnostics: inout Diagnostics) -> Bool {
            var found = false
            for name in ["recipient", "award", "issuer"] {
                guard let (scalar, character) = CellControls.first(in: line.field(index[name]!)) else { continue }
                let (message, hint) = CellControls.message(scalar, character: character, column: name)
                error(name, message, hint: hint, diagnostics: &diagnostics)
                found = true
            }
            return found
        }

        /// The award, or nil when a cell is wrong (each wrong cell is reported).
        func honour(diagnostics: inout Diagnostics) -> Honour? {
            let kind = HonoursTable.kind(value("kind"))
            if kind == nil {
                error(
                    "kind",
                    Message(
                        vi: "kind \"\(value("kind"))\" phải là individual (cá nhân) hoặc collective (tập thể)",
                        en: "kind \"\(value("kind"))\" must be individual (cá nhân) or collective (tập thể)"),
                    diagnostics: &diagnostics)
            }
            let year = Int(value("year"))
            if year == nil || !(1900...2100).contains(year!) {
                error(
                    "year",
                    Message(
                        vi: "year \"\(value("year"))\" không phải một năm",
                        en: "year \"\(value("year"))\" is not a year"),
                    diagnostics: &diagnostics)
            }
            if value("recipient").isEmpty {
                error(
                    "recipient", Message(vi: "thiếu người nhận", en: "recipient is empty"), diagnostics: &diagnostics)
            }
            let controls = controls(diagnostics: &diagnostics)
            guard let kind, let year, (1900...2100).contains(year), !value("recipient").isEmpty, !controls else {
                return nil
            }
            return Honour(
                recipient: value("recipient").precomposedStringWithCanonicalMapping, kind: kind,
                award: value("award"), issuer: value("issuer"), year: year)
        }
    }
}
