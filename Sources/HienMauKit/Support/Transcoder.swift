import Glibc

/// Turns a stream of bytes in another encoding into UTF-8 through the C
/// library's iconv: Windows-1258 (Vietnamese Windows' "CSV"), and UTF-16
/// (Excel's "Unicode Text"). Chunks may end in the middle of a character:
/// the rest waits for the next chunk.
final class Transcoder {
    /// Bytes that are not text in the encoding, at this offset from the start of the input.
    struct Invalid: Error, Equatable {
        var offset: Int
    }

    let encoding: String
    private let handle: iconv_t
    private var carry: [UInt8] = []
    private var consumed = 0

    /// nil when iconv does not know the encoding.
    init?(from encoding: String) {
        let handle = iconv_open("UTF-8", encoding)
        guard let handle, handle != iconv_t(bitPattern: -1) else { return nil }
        self.encoding = encoding
        self.handle = handle
    }

    deinit {
        iconv_close(handle)
    }

    /// The UTF-8 of `chunk` (and of what an earlier chunk left unfinished);
    /// with `last`, an unfinished character at the end is an error.
    func convert(_ chunk: UnsafeBufferPointer<UInt8>, last: Bool = false) throws -> [UInt8] {
        var input = carry
        input.append(contentsOf: chunk)
        carry.removeAll()
        var output = [UInt8](repeating: 0, count: input.count * 3 + 16)
        var produced = 0
        let left = try input.withUnsafeMutableBufferPointer { inBuffer -> Int in
            var inPointer = UnsafeMutableRawPointer(inBuffer.baseAddress).map { $0.assumingMemoryBound(to: CChar.self) }
            var inLeft = inBuffer.count
            while inLeft > 0 {
                let done = output.withUnsafeMutableBufferPointer { outBuffer -> (Int, Int32) in
                    var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(
                        outBuffer.baseAddress! + produced
                    ).assumingMemoryBound(to: CChar.self)
                    var outLeft = outBuffer.count - produced
                    let result = iconv(handle, &inPointer, &inLeft, &outPointer, &outLeft)
                    return (outBuffer.count - produced - outLeft, result == -1 ? errno : 0)
                }
                produced += done.0
                switch done.1 {
                case 0: continue
                case E2BIG: output.append(contentsOf: repeatElement(0, count: output.count))
                case EINVAL: return inLeft  // an unfinished character: wait for more
                default: throw Invalid(offset: consumed + inBuffer.count - inLeft)
                }
            }
            return 0
        }
        if left > 0 {
            if last { throw Invalid(offset: consumed + input.count - left) }
            carry = Array(input.suffix(left))
        }
        consumed += input.count - left
        if last {
            // Windows-1258 holds back a letter until it knows no tone mark follows: flush it.
            output.append(contentsOf: repeatElement(0, count: 16))
            output.withUnsafeMutableBufferPointer { outBuffer in
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(
                    outBuffer.baseAddress! + produced
                )
                .assumingMemoryBound(to: CChar.self)
                var outLeft = outBuffer.count - produced
                _ = iconv(handle, nil, nil, &outPointer, &outLeft)
                produced = outBuffer.count - outLeft
            }
        }
        output.removeSubrange(produced...)
        return output
    }
}
