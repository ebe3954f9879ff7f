/// The quick path: reads a row straight from its bytes when no cell needs
/// normalising — no white space to trim, names already in NFC — and every
/// column parser takes its cell as it is (`RowCells.parse`), a known campaign,
/// a date inside its period. Anything else returns nil and the row takes the
/// careful path (`CarefulRowReader`), which normalises the cells, reads them
/// with the same parsers and words the errors.
///
/// This is the path a national archive's millions of rows take: no `String`
/// is made, and each text is looked up in a `ByteInterner`.
struct QuickRowReader {
    private let fieldCount: Int
    private let fields: ColumnFields
    private let periods: CampaignPeriods

    /// A reader for no header: it reads no row.
    static let beforeHeader = QuickRowReader()

    private init() {
        fieldCount = -1
        fields = ColumnFields()
        periods = CampaignPeriods(byEntry: [])
    }

    init(header: DonationHeader, periods: CampaignPeriods) {
        // A name split over two columns is joined on the careful path.
        fieldCount = header.familyName == nil ? header.fieldCount : -1
        fields = ColumnFields(header)
        self.periods = periods
    }

    func read(_ raw: RawRecord, vocabulary: inout RowVocabulary) -> DonationRow? {
        guard raw.fieldCount == fieldCount else { return nil }
        let cells = RowCells(raw, fields: fields)
        guard Self.needsNoNormalising(cells), !cells.holdControls,
            let row = cells.parse(line: raw.line, vocabulary: &vocabulary, failed: { _, _ in })
        else { return nil }
        // Outside its campaign's period the row still counts, with a warning the careful path words.
        guard periods.outside(row) == nil else { return nil }
        return row
    }

    /// The text cells are as the careful path would make them: trimmed, and
    /// in NFC where names are compared. (The other columns' parsers take only
    /// cells in their usual form, so they need no such check.)
    @inline(__always)
    static func needsNoNormalising(_ cells: RowCells) -> Bool {
        untrimmed(cells.campaign) && untrimmed(cells.site) && surelyNFC(cells.site)
            && untrimmed(cells.donor) && surelyNFC(cells.donor)
            && (cells.donorID.isEmpty || untrimmed(cells.donorID))
            && (cells.unit.isEmpty || (untrimmed(cells.unit) && surelyNFC(cells.unit)))
    }

    /// Non-empty, and neither end can be white space: the first and last
    /// characters are ASCII graphics or Latin and Vietnamese letters.
    static func untrimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        guard n > 0 else { return false }
        let first = bytes[0], last = bytes[n - 1]
        let firstOK =
            (0x21...0x7E).contains(first) || (0xC3...0xCB).contains(first)
            || (first == 0xE1 && n > 1 && (0xB8...0xBB).contains(bytes[1]))
        let lastOK =
            (0x21...0x7E).contains(last)
            || (n >= 2 && (0xC3...0xCB).contains(bytes[n - 2]))
            || (n >= 3 && bytes[n - 3] == 0xE1 && (0xB8...0xBB).contains(bytes[n - 2]))
        return firstOK && lastOK
    }

    /// True when no scalar can change under NFC (as `CarefulRowReader.isSurelyNFC`,
    /// on valid UTF-8): all below U+0300, in U+1E00–U+1EFF, or one of the
    /// dashes, quotes and ellipsis of `CarefulRowReader.inertPunctuation`.
    /// (Also false for text the careful path changes or refuses: see the loop.)
    static func surelyNFC(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            // Control characters, a run of spaces and `?` (a letter lost to a code page) are the careful path's.
            if b <= 0x20 || b == 0x3F {
                if b < 0x20 || b == 0x3F || (i + 1 < n && bytes[i + 1] == 0x20) { return false }
                i += 1
                continue
            }
            // U+0085 and U+00A0 are white space the careful path collapses into a space.
            if b == 0xC2, i + 1 < n, bytes[i + 1] == 0x85 || bytes[i + 1] == 0xA0 { return false }
            if b < 0xCC || (0x80...0xBF).contains(b) {
                i += 1
                continue
            }
            if b == 0xE2, i + 2 < n, bytes[i + 1] == 0x80, inertPunctuation.contains(bytes[i + 2]) {
                i += 3
                continue
            }
            guard b == 0xE1, i + 1 < n, (0xB8...0xBB).contains(bytes[i + 1]) else { return false }
            i += 3
        }
        return true
    }

    /// The last byte of U+2013, U+2014, U+2018, U+2019, U+201C, U+201D and U+2026 (E2 80 xx).
    private static let inertPunctuation: Set<UInt8> = Set(
        CarefulRowReader.inertPunctuation.map {
            UInt8(0x80 | ($0 & 0x3F))
        })
}
