import Foundation

/// The little of RFC 6455 the reload socket needs: the handshake's accept
/// key, text frames to the page, and reading the page's frames (close,
/// ping; anything else is ignored).
public enum WebSocketFrames {
    /// `Sec-WebSocket-Accept` for a `Sec-WebSocket-Key`.
    public static func acceptKey(for key: String) -> String {
        Data(SHA1.digest(Array((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").utf8))).base64EncodedString()
    }

    /// An unmasked frame from the server.
    public static func frame(opcode: UInt8, _ payload: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x80 | opcode]
        if payload.count < 126 {
            out.append(UInt8(payload.count))
        } else if payload.count <= 0xFFFF {
            out += [126, UInt8(payload.count >> 8), UInt8(payload.count & 0xFF)]
        } else {
            out.append(127)
            for shift in stride(from: 56, through: 0, by: -8) { out.append(UInt8((payload.count >> shift) & 0xFF)) }
        }
        return out + payload
    }

    public enum Incoming: Equatable {
        case incomplete
        /// A frame: its opcode, unmasked payload and length in the buffer.
        case frame(opcode: UInt8, payload: [UInt8], length: Int)
        /// Not a frame a browser sends (unmasked, or larger than `limit`): close the connection.
        case invalid
    }

    /// The first frame in `bytes`.
    public static func read(_ bytes: [UInt8], limit: Int = 64 * 1024) -> Incoming {
        guard bytes.count >= 2 else { return .incomplete }
        let opcode = bytes[0] & 0x0F
        guard bytes[1] & 0x80 != 0 else { return .invalid }
        var length = Int(bytes[1] & 0x7F), offset = 2
        if length == 126 {
            guard bytes.count >= 4 else { return .incomplete }
            length = Int(bytes[2]) << 8 | Int(bytes[3])
            offset = 4
        } else if length == 127 {
            guard bytes.count >= 10 else { return .incomplete }
            length = 0
            for i in 2..<10 {
                length = length << 8 | Int(bytes[i])
                if length > limit { return .invalid }
            }
            offset = 10
        }
        guard length <= limit else { return .invalid }
        guard bytes.count >= offset + 4 + length else { return .incomplete }
        let mask = Array(bytes[offset..<offset + 4])
        let payload = (0..<length).map { bytes[offset + 4 + $0] ^ mask[$0 & 3] }
        return .frame(opcode: opcode, payload: payload, length: offset + 4 + length)
    }
}

/// SHA-1, for the WebSocket handshake only (RFC 3174).
enum SHA1 {
    static func digest(_ message: [UInt8]) -> [UInt8] {
        var h: [UInt32] = [0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0]
        var bytes = message + [0x80]
        while bytes.count % 64 != 56 { bytes.append(0) }
        let bits = UInt64(message.count) * 8
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8((bits >> UInt64(shift)) & 0xFF)) }
        for chunk in stride(from: 0, to: bytes.count, by: 64) {
            var w = (0..<16).map { i -> UInt32 in
                (0..<4).reduce(UInt32(0)) { $0 << 8 | UInt32(bytes[chunk + i * 4 + $1]) }
            }
            for i in 16..<80 { w.append((w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotated(1)) }
            var (a, b, c, d, e) = (h[0], h[1], h[2], h[3], h[4])
            for i in 0..<80 {
                let (f, k): (UInt32, UInt32) =
                    i < 20
                    ? ((b & c) | (~b & d), 0x5A82_7999)
                    : i < 40
                        ? (b ^ c ^ d, 0x6ED9_EBA1)
                        : i < 60 ? ((b & c) | (b & d) | (c & d), 0x8F1B_BCDC) : (b ^ c ^ d, 0xCA62_C1D6)
                let t = a.rotated(5) &+ f &+ e &+ k &+ w[i]
                (e, d, c, b, a) = (d, c, b.rotated(30), a, t)
            }
            h = [h[0] &+ a, h[1] &+ b, h[2] &+ c, h[3] &+ d, h[4] &+ e]
        }
        return h.flatMap { word in (0..<4).map { UInt8((word >> UInt32(24 - $0 * 8)) & 0xFF) } }
    }
}

extension UInt32 {
    func rotated(_ n: UInt32) -> UInt32 { self << n | self >> (32 - n) }
}
