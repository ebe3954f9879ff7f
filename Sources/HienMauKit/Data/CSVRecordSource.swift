import Foundation

/// `donations.csv` as a `RecordSource`: its bytes, in chunks, go through the
/// CSV reader and come out as records. The first chunk decides the encoding
/// (UTF-16 cannot be read) and the delimiter.
struct CSVRecordSource: RecordSource {
    /// Calls its argument with each chunk of the file in order, until it returns false.
    typealias Chunks = (_ feed: (UnsafeBufferPointer<UInt8>) -> Bool) -> Void

    let file: String
    private let chunks: Chunks
    /// The file's encoding as `site.yml` declares it (`data_encoding`); nil for UTF-8.
    private let encoding: String?

    init(file: String, encoding: String? = nil, chunks: @escaping Chunks) {
        self.file = file
        self.chunks = chunks
        self.encoding = encoding
    }

    /// Bytes already in memory, as one chunk.
    init(file: String, encoding: String? = nil, bytes: [UInt8]) {
        self.init(file: file, encoding: encoding) { feed in _ = bytes.withUnsafeBufferPointer { feed($0) } }
    }

    static let chunkSize = 1 << 20

    /// The file open as `descriptor`, read a chunk at a time; it must stay open while the records are read.
    init(file: String, encoding: String? = nil, descriptor: Int32) {
        self.init(file: file, encoding: encoding) { feed in
            // One buffer for every chunk: a fresh one per read costs the kernel a
            // zeroed page every 4 KiB, which showed as a tenth of the time at 1M rows.
            let chunk = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: Self.chunkSize)
            defer { chunk.deallocate() }
            while true {
                let n = Glibc.read(descriptor, chunk.baseAddress, Self.chunkSize)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { break }
                if !feed(UnsafeBufferPointer(rebasing: chunk[..<n])) { break }
            }
        }
    }

    mutating func readRecords(_ take: (RawRecord) -> Bool) -> Diagnostic? {
        var reader: CSVReader?
        var failure: Diagnostic?
        var stopped = false
        func emit(_ raw: RawRecord) throws {
            if !take(raw) { throw StopReading() }
        }
        var head: [UInt8] = []
        func stop(_ error: Error) {
            if let problem = error as? CSVReader.Problem {
                failure = problem.diagnostic(file: file)
                if case .notUTF8(let line, _, _) = problem, encoding == nil {
                    TextDecoding.explainUndeclared(&failure!, line: TextDecoding.line(line, of: head))
                }
            }
            stopped = true
        }
        let chunks = TextDecoding.utf8(of: self.chunks, declared: encoding, file: file) { failure = $0 }
        chunks { chunk in
            if reader == nil {
                head = Array(chunk.prefix(1 << 16))
                if let nuls = TextEncoding.nulDiagnostic(chunk, file: file) {
                    failure = nuls
                    stopped = true
                    return false
                }
                reader = Self.reader(forFirstChunk: chunk)
            }
            do { try reader!.feedRaw(chunk, emit: emit) } catch { stop(error) }
            return !stopped
        }
        if failure != nil { stopped = true }
        if !stopped {
            if reader == nil { reader = CSVReader(delimiter: 0x2C) }
            do { try reader!.finishRaw(emit: emit) } catch { stop(error) }
        }
        return failure
    }

    /// The CSV reader for a file whose first chunk is `bytes`, with the
    /// delimiter that chunk uses.
    static func reader(forFirstChunk bytes: UnsafeBufferPointer<UInt8>) -> CSVReader {
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : Array(bytes)
        return CSVReader(delimiter: DonationHeader.detectDelimiter(body))
    }

    /// Thrown through the CSV reader when `take` asks to stop.
    private struct StopReading: Error {}
}
