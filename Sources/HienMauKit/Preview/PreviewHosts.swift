import Foundation

/// The names a request to the preview may come addressed to: `localhost`,
/// the loopback addresses, the address it listens on (and, listening on
/// every address, this machine's addresses and name), each with or without
/// the port. Any other `Host:` (a web page that rebinds its own name to
/// 127.0.0.1) and any other WebSocket `Origin` are refused, so that no page
/// on the web can read the preview, drafts included.
public struct PreviewHosts: Sendable {
    public let port: Int
    public let names: Set<String>

    public init(listening host: String, port: Int) {
        self.port = port
        var names: Set<String> = ["localhost", "127.0.0.1", "[::1]", host.lowercased()]
        if host == "0.0.0.0" || host == "::" {
            names.formUnion(Self.machineAddresses())
            var buffer = [CChar](repeating: 0, count: 256)
            if gethostname(&buffer, buffer.count) == 0 { names.insert(Self.text(buffer).lowercased()) }
        }
        self.names = names
    }

    /// A `Host` header's value names this server.
    public func accepts(host value: String?) -> Bool {
        guard let value = value?.lowercased(), !value.isEmpty else { return false }
        if names.contains(value) { return true }
        guard let colon = value.lastIndex(of: ":"), value[value.index(after: colon)...] == String(port) else {
            return false
        }
        return names.contains(String(value[..<colon]))
    }

    /// A WebSocket `Origin`: none (a program, not a browser), or a page of this server.
    public func accepts(origin value: String?) -> Bool {
        guard let value else { return true }
        guard value.lowercased().hasPrefix("http://") else { return false }
        return accepts(host: String(value.dropFirst("http://".count)))
    }

    private static func text(_ chars: [CChar]) -> String {
        String(decoding: chars.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func machineAddresses() -> [String] {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0, let first = list else { return [] }
        defer { freeifaddrs(list) }
        var out: [String] = []
        for entry in sequence(first: first, next: { $0.pointee.ifa_next }) {
            guard let address = entry.pointee.ifa_addr, address.pointee.sa_family == sa_family_t(AF_INET) else {
                continue
            }
            var text = [CChar](repeating: 0, count: Int(INET_ADDRSTRLEN))
            address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { ipv4 in
                var raw = ipv4.pointee.sin_addr
                _ = inet_ntop(AF_INET, &raw, &text, socklen_t(text.count))
            }
            out.append(Self.text(text))
        }
        return out
    }
}
