import Foundation

/// Checks one CSV row against the contract and turns it into a `DonationRecord`.
/// Every problem of the row is reported, then the row is dropped.
struct RowChecker {
    var context: DonationTable.Context
    /// Sites, units and names repeat from row to row; NFC is worked out once for each.
    private var nfcCache: [String: String] = [:]
    /// One message per unknown campaign id, at its first row, with the number of rows:
    /// a missing write-up would otherwise give one error per row.
    private var unknownCampaigns: [String: (first: Diagnostic, rows: Int)] = [:]
    private var outsidePeriod = WarningLimit()

    init(context: DonationTable.Context) {
        self.context = context
    }

    mutating func nfc(_ text: String) -> String {
        if Self.isSurelyNFC(text) { return text }
        if let known = nfcCache[text] { return known }
        let value = text.precomposedStringWithCanonicalMapping
        if nfcCache.count < 100_000 { nfcCache[text] = value }
        return value
    }

    /// What is said once every row is read: the unknown campaigns, and how
    /// many date-outside-period warnings were left out.
    func closingDiagnostics() -> [Diagnostic] {
        let summary = outsidePeriod.summary(
            file: context.file, what: Message(vi: "ngày nằm ngoài thời gian chiến dịch", en: "date outside the campaign's period"))
        return unknownCampaignDiagnostics() + (summary.map { [$0] } ?? [])
    }

    /// The unknown-campaign errors, each saying how many rows carry that id.
    func unknownCampaignDiagnostics() -> [Diagnostic] {
        unknownCampaigns.values.sorted { $0.first.location < $1.first.location }.map { entry in
            var diagnostic = entry.first
            let more = entry.rows - 1
            if more > 0 {
                diagnostic.message = Message(
                    vi: diagnostic.message.vi + " (dòng này và \(more) dòng khác)",
                    en: diagnostic.message.en + " (this row and \(more) more)")
            }
            return diagnostic
        }
    }

    /// True when no scalar can change under NFC: all below the combining marks
    /// (U+0300) or Vietnamese's precomposed letters (U+1E00–U+1EFF). Text typed
    /// in NFC passes without a dictionary lookup (hashing a String normalizes it).
    static func isSurelyNFC(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy {
            $0.value < 0x300 || (0x1E00...0x1EFF).contains($0.value) || inertPunctuation.contains($0.value)
        }
    }

    /// En and em dash, curly quotes and ellipsis, common in site and unit
    /// names: no decomposition, and nothing composes with them.
    static let inertPunctuation: Set<UInt32> = [0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026]

    mutating func check(_ record: CSVReader.Record, header: DonationHeader, diagnostics: inout Diagnostics) -> DonationRecord? {
        // Only needed for a message: made on demand.
        var lineText: String {
            let firstLine = record.raw.split(separator: 0x0A, omittingEmptySubsequences: false).first ?? []
            var text = String(decoding: firstLine, as: UTF8.self)
            if text.hasSuffix("\r") { text.removeLast() }
            return text
        }
        func location(_ column: DonationColumn?) -> SourceLocation {
            let field = column.flatMap { header.index[$0] } ?? 0
            let col = field < record.fields.count ? DonationHeader.column(of: field, in: record) : 1
            return SourceLocation(file: context.file, line: record.line, column: col)
        }
        func fail(_ column: DonationColumn?, _ message: Message, hint: Message? = nil) {
            diagnostics.error(location(column), message, hint: hint, line: lineText)
        }
        guard record.fields.count == header.fieldCount else {
            let n = record.fields.count, expected = header.fieldCount
            diagnostics.error(
                SourceLocation(file: context.file, line: record.line, column: 1),
                Message(vi: "dòng có \(n) ô nhưng tiêu đề có \(expected) cột",
                        en: "the row has \(n) fields but the header has \(expected)"),
                hint: Message(vi: "ô chứa dấu phân cách phải nằm trong ngoặc kép",
                              en: "a cell that holds the delimiter must be in double quotes"),
                line: lineText)
            return nil
        }
        func value(_ column: DonationColumn) -> String {
            header.index[column].map { record.fields[$0].trimmed } ?? ""
        }
        let before = diagnostics.errorCount
        var unknownCampaign = false

        let campaign = value(.campaign)
        if campaign.isEmpty {
            fail(.campaign, Message(vi: "thiếu mã chiến dịch", en: "campaign is empty"))
        } else if !context.campaignIDs.contains(campaign) {
            unknownCampaign = true
            if let known = unknownCampaigns[campaign] {
                unknownCampaigns[campaign] = (known.first, known.rows + 1)
            } else {
                let guess = Suggest.closest(to: campaign, among: context.campaignIDs.sorted())
                let first = Diagnostic(
                    .error, at: location(.campaign),
                    Message(vi: "mã chiến dịch \"\(campaign)\" không có bài viết nào trong content/campaigns/",
                            en: "campaign \"\(campaign)\" has no write-up in content/campaigns/"),
                    hint: guess.map { Message(vi: "có phải ý bạn là \"\($0)\"?", en: "did you mean \"\($0)\"?") },
                    sourceLine: lineText)
                unknownCampaigns[campaign] = (first, 1)
            }
        }
        let dateText = value(.date)
        let date = Day(parsing: dateText)
        if date == nil {
            if dateText.isEmpty {
                fail(.date, Message(vi: "thiếu ngày", en: "date is empty"))
            } else if Day.looksLikeDate(dateText) {
                fail(.date, Message(vi: "ngày \"\(dateText)\" không tồn tại", en: "date \"\(dateText)\" does not exist"))
            } else {
                fail(.date, Message(vi: "ngày \"\(dateText)\" không đọc được", en: "date \"\(dateText)\" cannot be read"),
                     hint: Message(vi: "viết ngày dạng YYYY-MM-DD hoặc D/M/YYYY",
                                   en: "write dates as YYYY-MM-DD or D/M/YYYY"))
            }
        }
        let site = value(.site)
        if site.isEmpty { fail(.site, Message(vi: "thiếu điểm hiến", en: "site is empty")) }
        let donor = nfc(value(.donor))
        if donor.isEmpty { fail(.donor, Message(vi: "thiếu họ tên người hiến", en: "donor is empty")) }

        let volumeText = value(.volumeML)
        var volume = 0
        if !volumeText.isEmpty {
            if let v = Int(volumeText), [0, 250, 350, 450].contains(v) {
                volume = v
            } else {
                fail(.volumeML,
                     Message(vi: "volume_ml \"\(volumeText)\" không phải 0, 250, 350 hay 450",
                             en: "volume_ml \"\(volumeText)\" is not 0, 250, 350 or 450"),
                     hint: Message(vi: "để 0 hoặc trống cho người đăng ký nhưng chưa hiến được",
                                   en: "use 0 or leave it empty for a registration that was deferred"))
            }
        }
        var bloodGroup: String?
        let groupText = value(.bloodGroup)
        if !groupText.isEmpty {
            bloodGroup = BloodGroup.normalize(groupText)
            if bloodGroup == nil {
                fail(.bloodGroup,
                     Message(vi: "nhóm máu \"\(groupText)\" không hợp lệ", en: "blood group \"\(groupText)\" is not valid"),
                     hint: Message(vi: "dùng một trong \(BloodGroup.all.joined(separator: ", ")) hoặc để trống",
                                   en: "use one of \(BloodGroup.all.joined(separator: ", ")) or leave it empty"))
            }
        }
        var prior: Int?
        let priorText = value(.priorDonations)
        if !priorText.isEmpty {
            prior = Int(priorText)
            if prior == nil || prior! < 0 {
                prior = nil
                fail(.priorDonations,
                     Message(vi: "prior_donations \"\(priorText)\" phải là số nguyên không âm",
                             en: "prior_donations \"\(priorText)\" must be a whole number, 0 or more"))
            }
        }
        let consentText = value(.consent)
        let consent = Consent.parse(consentText)
        if consent == nil {
            fail(.consent, Message(vi: "consent \"\(consentText)\" phải là yes, no hoặc để trống",
                                   en: "consent \"\(consentText)\" must be yes, no or empty"))
        }
        guard diagnostics.errorCount == before, !unknownCampaign, let date else { return nil }
        if let period = context.periods[campaign], !period.contains(date), outsidePeriod.admit(line: record.line) {
            diagnostics.warning(
                location(.date),
                Message(vi: "ngày \(VietnameseFormat.date(date)) nằm ngoài thời gian chiến dịch \(campaign) (\(VietnameseFormat.date(period.lowerBound)) – \(VietnameseFormat.date(period.upperBound)))",
                        en: "date \(date.iso) is outside campaign \(campaign)'s period (\(period.lowerBound.iso) to \(period.upperBound.iso))"),
                line: lineText)
        }
        let id = value(.donorID)
        let unit = value(.unit)
        return DonationRecord(
            campaign: campaign, date: date, site: nfc(site), donor: donor,
            donorID: id.isEmpty ? nil : id, unit: unit.isEmpty ? nil : nfc(unit),
            volumeML: volume, bloodGroup: bloodGroup, priorDonations: prior, consent: consent ?? nil,
            line: record.line)
    }
}
