import Foundation
import Glibc

/// Finds a sheet's merged ranges (`<mergeCell ref="A5:A20"/>`) in its XML
/// bytes without parsing them. They come after the rows in the file, and the
/// rows need them, so the sheet is inflated twice: this scan costs little
/// next to parsing. `<` in a cell's text is always `&lt;`, so the pattern can
/// only be the element itself.
struct MergedRangeScanner {
    private var pending: [UInt8] = []
    private(set) var ranges: [CellRange] = []
    private(set) var damaged = false
    private static let tag = Array("<mergeCell ".utf8)
    private static let longestTag = 1024

    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard !pending.isEmpty else {
            // The usual case: the chunk is scanned where it is, only a cut tag is kept.
            pending.append(contentsOf: bytes[scan(bytes)...])
            return
        }
        pending.append(contentsOf: bytes)
        let consumed = pending.withUnsafeBufferPointer { scan($0) }
        pending.removeFirst(consumed)
    }

    /// The ranges in the order of their first row, the order rows arrive in.
    mutating func finish() -> [CellRange] {
        ranges.sort { ($0.first.row, $0.first.column) < ($1.first.row, $1.first.column) }
        return ranges
    }

    /// Reads every whole `<mergeCell …>` tag; returns how many bytes are done with.
    private mutating func scan(_ buffer: UnsafeBufferPointer<UInt8>) -> Int {
        var from = 0
        while let start = Self.find(Self.tag, in: buffer, from: from) {
            guard let close = buffer[start...].firstIndex(of: 0x3E) else {
                // A tag is short: one that does not end within a kilobyte is damage, not a tag to wait for.
                guard buffer.count - start > Self.longestTag else { return start }
                damaged = true
                from = start + 1
                continue
            }
            readRange(UnsafeBufferPointer(rebasing: buffer[start..<close]))
            from = close + 1
        }
        // Keep a tail that could be the start of a tag cut by the chunk's end.
        return max(from, buffer.count - Self.tag.count)
    }

    private mutating func readRange(_ tag: UnsafeBufferPointer<UInt8>) {
        let key = Array("ref=".utf8)
        guard let at = Self.find(key, in: tag, from: 0), at + key.count < tag.count else {
            damaged = true
            return
        }
        let quote = tag[at + key.count]
        let valueStart = at + key.count + 1
        guard quote == 0x22 || quote == 0x27, let end = tag[valueStart...].firstIndex(of: quote),
            let range = CellRange(UnsafeBufferPointer(rebasing: tag[valueStart..<end]))
        else {
            damaged = true
            return
        }
        ranges.append(range)
    }

    /// The first place of `needle` in `haystack` at or after `from`: memchr for
    /// its first byte (`<`, at every tag), then its second byte, then the rest.
    private static func find(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard let base = haystack.baseAddress, needle.count >= 2 else { return nil }
        var at = from
        while at + needle.count <= haystack.count {
            guard let hit = memchr(base + at, Int32(needle[0]), haystack.count - at - needle.count + 1) else {
                return nil
            }
            let index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if base[index + 1] == needle[1], memcmp(base + index, needle, needle.count) == 0 { return index }
            at = index + 1
        }
        return nil
    }
}
