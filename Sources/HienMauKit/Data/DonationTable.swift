import Foundation

/// Reads `donations.csv` as a stream: each row is checked and handed on as a
/// `DonationRecord`, never kept, so memory does not grow with the rows.
public struct DonationTable {
    /// What the rows are checked against.
    public struct Context: Sendable {
        public var file: String
        public var columnMapping: [String: String]
        /// Every campaign id that has a write-up, drafts included.
        public var campaignIDs: Set<String>
        /// Campaign periods (start...end): a row outside its period is a warning.
        public var periods: [String: ClosedRange<Day>]

        public init(file: String, columnMapping: [String: String] = [:], campaignIDs: Set<String>,
                    periods: [String: ClosedRange<Day>] = [:]) {
            self.file = file
            self.columnMapping = columnMapping
            self.campaignIDs = campaignIDs
            self.periods = periods
        }
    }

    public static let chunkSize = 1 << 20

    /// Reads the file at `url` in chunks.
    public static func read(
        url: URL, context: Context, diagnostics: inout Diagnostics, consume: (DonationRecord) -> Void
    ) {
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            diagnostics.error(
                SourceLocation(file: context.file),
                Message(vi: "không tìm thấy tệp số liệu hiến máu", en: "the donation records file is missing"),
                hint: Message(vi: "tạo \(context.file) với dòng tiêu đề campaign,date,site,donor,volume_ml",
                              en: "create \(context.file) with the header campaign,date,site,donor,volume_ml"))
            return
        }
        defer { try? handle.close() }
        var parser = Parser(context: context)
        while let chunk = try? handle.read(upToCount: chunkSize), !chunk.isEmpty {
            if !parser.feed(chunk, diagnostics: &diagnostics, consume: consume) { break }
        }
        parser.finish(diagnostics: &diagnostics, consume: consume)
    }

    /// Reads bytes already in memory.
    public static func read(
        bytes: [UInt8], context: Context, diagnostics: inout Diagnostics, consume: (DonationRecord) -> Void
    ) {
        var parser = Parser(context: context)
        _ = parser.feed(bytes, diagnostics: &diagnostics, consume: consume)
        parser.finish(diagnostics: &diagnostics, consume: consume)
    }

    /// The state of one pass: the CSV reader, the header once read, and whether to go on.
    struct Parser {
        var context: Context
        var reader: CSVReader?
        var header: DonationHeader?
        var stopped = false
        var rowChecker: RowChecker

        init(context: Context) {
            self.context = context
            self.rowChecker = RowChecker(context: context)
        }

        /// Returns false once reading cannot go on (bad encoding, broken header).
        mutating func feed(
            _ bytes: some Collection<UInt8>, diagnostics: inout Diagnostics, consume: (DonationRecord) -> Void
        ) -> Bool {
            if reader == nil {
                if TextEncoding.looksUTF16(bytes) {
                    diagnostics.append(TextEncoding.utf16Diagnostic(file: context.file))
                    stopped = true
                    return false
                }
                let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : Array(bytes)
                reader = CSVReader(delimiter: DonationHeader.detectDelimiter(body))
            }
            return run(diagnostics: &diagnostics, { reader, emit in try reader.feed(bytes, emit: emit) },
                       consume: consume)
        }

        mutating func finish(diagnostics: inout Diagnostics, consume: (DonationRecord) -> Void) {
            defer { diagnostics.append(contentsOf: Diagnostics(rowChecker.unknownCampaignDiagnostics())) }
            guard !stopped else { return }
            if reader == nil { reader = CSVReader(delimiter: 0x2C) }
            _ = run(diagnostics: &diagnostics, { reader, emit in try reader.finish(emit: emit) }, consume: consume)
            if header == nil && !stopped {
                diagnostics.error(
                    SourceLocation(file: context.file, line: 1, column: 1),
                    Message(vi: "tệp trống: thiếu dòng tiêu đề", en: "the file is empty: no header row"),
                    hint: Message(vi: "dòng đầu tiên phải là campaign,date,site,donor,volume_ml,…",
                                  en: "the first line must be campaign,date,site,donor,volume_ml,…"))
            }
        }

        private mutating func run(
            diagnostics: inout Diagnostics,
            _ step: (inout CSVReader, (CSVReader.Record) throws -> Void) throws -> Void,
            consume: (DonationRecord) -> Void
        ) -> Bool {
            guard !stopped, var csv = reader else { return false }
            var header = self.header
            var stopped = false
            var checker = rowChecker
            let context = self.context
            do {
                try withoutActuallyEscaping(consume) { consume in
                try step(&csv) { record in
                    guard let current = header else {
                        header = DonationHeader.read(
                            record, file: context.file, mapping: context.columnMapping, diagnostics: &diagnostics)
                        if header == nil { stopped = true; throw StopReading() }
                        return
                    }
                    if let row = checker.check(record, header: current, diagnostics: &diagnostics) {
                        consume(row)
                    }
                }
                }
            } catch is StopReading {
            } catch let problem as CSVReader.Problem {
                diagnostics.append(problem.diagnostic(file: context.file))
                stopped = true
            } catch {
                stopped = true
            }
            self.reader = csv
            self.header = header
            self.rowChecker = checker
            self.stopped = stopped
            return !stopped
        }

    }

    struct StopReading: Error {}
}
