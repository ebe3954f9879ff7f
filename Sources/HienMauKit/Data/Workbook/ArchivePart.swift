import Foundation
import ZIPFoundation

/// One part of a workbook's zip archive (`.xlsx` and `.ods` alike), inflated
/// in chunks and bounded: a real workbook of a million rows is about 150 MB
/// of XML, a zip bomb is far more.
enum ArchivePart {
    enum Outcome {
        case absent, stopped, finished
    }

    private struct Stop: Error {}

    /// The archive at `url`, opened for reading; a file that is no zip is `unreadable`'s error.
    static func open(_ url: URL, unreadable: (String) -> WorkbookError) throws -> Archive {
        do {
            return try Archive(url: url, accessMode: .read)
        } catch {
            throw unreadable("không phải tệp nén zip / not a zip archive")
        }
    }

    /// Calls `body` with the part's bytes in chunks while it returns true. A
    /// part that inflates past `limit`, or past `ratio` times its stored size,
    /// is refused; any other failure of the archive is `unreadable`'s error.
    static func inflate(
        _ archive: Archive, _ path: String, limit: Int, ratio: Int, unreadable: (String) -> WorkbookError,
        _ body: (UnsafeBufferPointer<UInt8>) throws -> Bool
    ) throws -> Outcome {
        guard let entry = archive[path] else { return .absent }
        // The size the archive claims is not believed: a damaged one can claim near 2^64 bytes.
        let stored = Int(clamping: entry.compressedSize)
        let byRatio = stored > 0 && stored <= limit / max(ratio, 1) ? stored * ratio : limit
        let bound = min(limit, max(1 << 20, byRatio))
        var total = 0
        do {
            _ = try archive.extract(entry, bufferSize: 1 << 16, skipCRC32: true) { data in
                total += data.count
                if total > bound { throw WorkbookError.tooLarge(part: path, limit: bound) }
                guard try data.withUnsafeBytes({ try body($0.bindMemory(to: UInt8.self)) }) else { throw Stop() }
            }
        } catch is Stop {
            return .stopped
        } catch let error as WorkbookError {
            throw error
        } catch let error as XMLPushParser.Failure {
            throw error
        } catch {
            throw unreadable("\(path): \(error)")
        }
        return .finished
    }
}
