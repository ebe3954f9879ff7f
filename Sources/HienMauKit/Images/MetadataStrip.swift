/// The last guard before a photo is published: the encoded bytes are read
/// back and every metadata block still in them is dropped, whatever the
/// encoder's options did (libvips 8.14 writes a small EXIF block into every
/// WebP, `strip` or not). Pure byte work on the two containers written.
enum MetadataStrip {
    /// A WebP without `EXIF`, `XMP ` and `ICCP` chunks, its `VP8X` flags
    /// and RIFF size made to match; nil when the bytes are not a WebP.
    static func webp(_ bytes: [UInt8]) -> [UInt8]? {
        guard bytes.count >= 12, bytes[0..<4].elementsEqual("RIFF".utf8), bytes[8..<12].elementsEqual("WEBP".utf8)
        else {
            return nil
        }
        var out = Array(bytes[0..<12])
        var i = 12
        while i + 8 <= bytes.count {
            let fourCC = String(decoding: bytes[i..<i + 4], as: UTF8.self)
            let size = Int(bytes[i + 4]) | Int(bytes[i + 5]) << 8 | Int(bytes[i + 6]) << 16 | Int(bytes[i + 7]) << 24
            let end = i + 8 + size + (size & 1)
            guard end <= bytes.count || i + 8 + size == bytes.count else { return nil }
            let chunk = bytes[i..<min(end, bytes.count)]
            if !["EXIF", "XMP ", "ICCP"].contains(fourCC) {
                let at = out.count
                out += chunk
                // VP8X flags: ICC profile 0x20, EXIF 0x08, XMP 0x04.
                if fourCC == "VP8X", size >= 1 { out[at + 8] &= ~UInt8(0x20 | 0x08 | 0x04) }
            }
            i = end
        }
        let riff = UInt32(out.count - 8)
        for k in 0..<4 { out[4 + k] = UInt8((riff >> (8 * UInt32(k))) & 0xFF) }
        return out
    }

    /// A JPEG without APP1…APP15 segments (EXIF, XMP, ICC profiles, maker
    /// notes, IPTC, thumbnails) and comments; nil when it is not a JPEG.
    static func jpeg(_ bytes: [UInt8]) -> [UInt8]? {
        guard bytes.count >= 4, bytes[0] == 0xFF, bytes[1] == 0xD8 else { return nil }
        var out: [UInt8] = [0xFF, 0xD8]
        var i = 2
        while i + 4 <= bytes.count, bytes[i] == 0xFF {
            let marker = bytes[i + 1]
            // Start of scan: the rest is the image itself.
            if marker == 0xDA { return out + bytes[i...] }
            let length = Int(bytes[i + 2]) << 8 | Int(bytes[i + 3])
            guard length >= 2, i + 2 + length <= bytes.count else { return nil }
            if !((0xE1...0xEF).contains(marker) || marker == 0xFE) { out += bytes[i..<i + 2 + length] }
            i += 2 + length
        }
        return nil
    }
}
