import Foundation

/// Everything the aggregate stage reads, as one value: the session keeps the
/// figures while a build's input equals the last one's, so a change to any
/// of these (and only these) reads the records again. `AddUp` is given this
/// and nothing else that changes what it makes.
struct AggregateInput: Hashable, Sendable {
    var donations: URL
    /// The CSV's path in messages.
    var donationsPath: String
    /// The CSV as the file system sees it: reading 100 MB to compare it
    /// would cost what it saves.
    var donationsStamp: FileStamp?
    /// Not a regular file inside `content/data/` (already reported): not read.
    var donationsRefused: Bool
    var honours: HonoursFile?
    /// Each published campaign's id and target, in `Campaign.sortKey` order.
    var campaigns: [CampaignTarget]
    /// Every id that has a write-up, drafts and failed front matter included.
    var campaignIDs: Set<String>
    var periods: [String: ClosedRange<Day>]
    var milestones: [Int]
    var consentDefault: Bool
    var columns: [String: String]
    var encoding: String?

    struct FileStamp: Hashable, Sendable {
        var modified: Double?
        var size: Int?
        var number: Int?
    }

    struct HonoursFile: Hashable, Sendable {
        var path: String
        var bytes: [UInt8]
        /// A workbook (`honours.xlsx`, `.ods`) is read from its file; the bytes say when it changed.
        var url: URL?
    }

    struct CampaignTarget: Hashable, Sendable {
        var id: String
        var targetUnits: Int?
    }

    init(_ files: SiteFiles, settings: SiteConfig, content: ContentSet) {
        donations = files.donationsURL
        donationsPath = files.donationsPath
        donationsRefused = files.donationsRefused
        donationsStamp = (try? FileManager.default.attributesOfItem(atPath: files.donationsURL.path)).map {
            FileStamp(
                modified: ($0[.modificationDate] as? Date)?.timeIntervalSince1970, size: $0[.size] as? Int,
                number: $0[.systemFileNumber] as? Int)
        }
        honours = files.honours.map { HonoursFile(path: $0.path, bytes: $0.bytes, url: files.honoursURL) }
        campaigns = content.published.sorted { $0.sortKey < $1.sortKey }.map {
            CampaignTarget(id: $0.id, targetUnits: $0.targetUnits)
        }
        campaignIDs = Set(content.all.map(\.id)).union(content.failedIDs)
        periods = content.periods
        milestones = settings.milestones
        consentDefault = settings.consentDefault
        columns = settings.columns
        encoding = settings.dataEncoding
    }
}

/// What adding up gives: the figures, the awards, their messages, the rows read.
struct AddedUp {
    var figures: SiteFigures
    var honours: [Honour]
    var diagnostics: Diagnostics
    var rows: Int
}

/// The aggregate stage: adds up the CSV and reads honours.csv.
struct AddUp: Sendable {
    var input: AggregateInput
    var threads: Int
    /// Splitting the reading over two threads (`DonationTable.ReadingThreads`)
    /// costs CPU and pays only where a core would otherwise wait: when the
    /// CSV is much larger than the write-ups parsed beside it. Measured at 1.5
    /// times (the L corpus: no gain) and 14 times (XL: 1.5 s faster).
    var splittingAbove: Int
    var progress: (@Sendable (Message) -> Void)?

    init(_ input: AggregateInput, files: SiteFiles, threads: Int, progress: (@Sendable (Message) -> Void)?) {
        self.input = input
        self.threads = threads
        splittingAbove = 4 * files.campaigns.reduce(0) { $0 + $1.text.utf8.count }
        self.progress = progress
    }

    func run() -> AddedUp {
        var records = Diagnostics()
        var honours = input.honours.map { readHonours($0, diagnostics: &records) } ?? []
        var builder = FigureBuilder(
            campaigns: input.campaigns.map { FigureBuilder.CampaignInfo(id: $0.id, targetUnits: $0.targetUnits) },
            milestones: input.milestones, consentDefault: input.consentDefault, file: input.donationsPath)
        let awardsSheets = readRecords(into: &builder, diagnostics: &records)
        if !awardsSheets.isEmpty {
            if let file = input.honours {
                records.append(awardsTwice(file: file.path, sheets: awardsSheets.map(\.name)))
            } else {
                honours = HonoursTable.parse(awardsSheets, file: input.donationsPath, diagnostics: &records)
            }
        }
        records.append(contentsOf: builder.nameWarnings())
        records.append(contentsOf: builder.donorWarnings(file: input.donationsPath, threads: threads))
        let result = builder.finish(threads: threads)
        return AddedUp(figures: result, honours: honours, diagnostics: records, rows: builder.rowsRead)
    }

    /// The awards of honours.csv, or of every sheet of honours.xlsx or honours.ods.
    func readHonours(_ file: AggregateInput.HonoursFile, diagnostics: inout Diagnostics) -> [Honour] {
        guard let url = file.url, ["xlsx", "ods"].contains(url.pathExtension.lowercased()) else {
            return HonoursTable.parse(file.bytes, file: file.path, diagnostics: &diagnostics)
        }
        let sheets = AwardsSheet.readFile(url, file: file.path, diagnostics: &diagnostics) ?? []
        return HonoursTable.parse(sheets, file: file.path, diagnostics: &diagnostics)
    }

    /// An awards file and an awards sheet in the records' workbook: either could be the list.
    func awardsTwice(file: String, sheets: [String]) -> Diagnostic {
        let names = sheets.map { "\"\($0)\"" }.joined(separator: ", ")
        return Diagnostic(
            .error, at: SourceLocation(file: input.donationsPath),
            Message(
                vi:
                    "có cả \(file) và trang \(names) của \(input.donationsPath): không biết danh sách khen thưởng lấy từ đâu",
                en:
                    "both \(file) and the sheet \(names) of \(input.donationsPath) are there: which one holds the awards?"
            ),
            hint: Message(
                vi: "giữ lại một nơi: xoá \(file), hoặc xoá (hoặc đổi tên) trang \(names)",
                en: "keep one: delete \(file), or delete (or rename) the sheet \(names)"))
    }

    /// Every row of the records into `builder`; the workbook's sheets of awards, which are not records.
    func readRecords(into builder: inout FigureBuilder, diagnostics: inout Diagnostics) -> [AwardsSheet] {
        guard !input.donationsRefused else { return [] }
        var context = DonationTable.Context(
            file: input.donationsPath, columnMapping: input.columns,
            campaignIDs: input.campaignIDs, periods: input.periods)
        context.encoding = input.encoding
        let progress = self.progress
        return DonationTable.read(
            url: input.donations, context: context, diagnostics: &diagnostics, into: &builder,
            threads: threads, splittingAbove: splittingAbove
        ) { n in
            progress?(
                Message(
                    vi: "Cộng số liệu: \(VietnameseFormat.integer(n)) dòng…", en: "Adding up the records: \(n) rows…"))
        }
    }
}
