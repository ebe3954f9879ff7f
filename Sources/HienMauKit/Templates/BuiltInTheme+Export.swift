import Foundation

extension BuiltInTheme {
    public struct ExportFailure: Error {
        public var message: Message
    }

    /// `hienmau theme export [DIR]`: writes the built-in theme's files (or
    /// only those named, as `page.mustache` or `static/style.css`) into
    /// `folder`, to start a customisation. Writes nothing when one of them
    /// exists already. Returns the paths written, relative to `folder`.
    public static func export(to folder: URL, named name: String, only: [String]) throws(ExportFailure) -> [String] {
        let known = Set(files.map(\.path))
        let unknown = only.filter { !known.contains($0) }
        guard unknown.isEmpty else {
            let list = files.map(\.path).joined(separator: ", ")
            throw ExportFailure(
                message: Message(
                    vi: "giao diện có sẵn không có \(unknown.joined(separator: ", ")); các tệp của nó: \(list)",
                    en: "the built-in theme has no \(unknown.joined(separator: ", ")); its files: \(list)"))
        }
        let chosen = only.isEmpty ? files : files.filter { only.contains($0.path) }
        let clash = NewFiles.existing(chosen.map(\.path), in: folder)
        guard clash.isEmpty else {
            let list = clash.map { "\(name)/\($0)" }.joined(separator: ", ")
            throw ExportFailure(
                message: Message(vi: "\(list) đã có; không ghi gì", en: "\(list) already exists; nothing was written"))
        }
        do {
            try NewFiles.write(chosen, into: folder)
        } catch {
            throw ExportFailure(
                message: Message(
                    vi: "không ghi được \(name)/\(error.path): \(error.reason)",
                    en: "cannot write \(name)/\(error.path): \(error.reason)"))
        }
        return chosen.map(\.path)
    }
}
