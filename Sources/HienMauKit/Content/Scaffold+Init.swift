import Foundation

extension Scaffold {
    /// `hienmau init [DIR]`: writes the starter site into `folder`, made if
    /// missing. A folder that holds anything but hidden entries (a
    /// repository's `.git`) is refused, and so is one where a file of the
    /// starter site exists; a `.gitignore` already there gets the lines it
    /// lacks. Returns the paths written, relative to `folder`.
    public static func initSite(in folder: URL, named name: String, version: String) throws(Failure) -> [String] {
        try checkEmpty(folder, named: name)
        var files = StarterSite.files(version: version)
        let gitignore = folder.appendingPathComponent(".gitignore")
        let existingIgnore = FileManager.default.contents(atPath: gitignore.path).map {
            String(decoding: $0, as: UTF8.self)
        }
        if existingIgnore != nil { files.removeAll { $0.path == ".gitignore" } }
        let clash = NewFiles.existing(files.map(\.path), in: folder)
        guard clash.isEmpty else {
            let list = clash.map { "\(name)/\($0)" }.joined(separator: ", ")
            throw Failure(
                message: Message(vi: "\(list) đã có; không ghi gì", en: "\(list) already exists; nothing was written"))
        }
        do {
            try NewFiles.write(files, into: folder)
        } catch {
            throw Failure(
                message: Message(
                    vi: "không ghi được \(name)/\(error.path): \(error.reason)",
                    en: "cannot write \(name)/\(error.path): \(error.reason)"))
        }
        var written = files.map(\.path)
        if let existingIgnore, let added = ignoreLines(missingFrom: existingIgnore) {
            guard let handle = FileHandle(forWritingAtPath: gitignore.path) else {
                throw Failure(
                    message: Message(vi: "không ghi được \(name)/.gitignore", en: "cannot write \(name)/.gitignore"))
            }
            handle.seekToEndOfFile()
            handle.write(Data(added.utf8))
            handle.closeFile()
            written.append(".gitignore")
        }
        return written.sorted()
    }

    /// Throws unless `folder` is missing, or a folder of hidden entries only.
    static func checkEmpty(_ folder: URL, named name: String) throws(Failure) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) else { return }
        guard isFolder.boolValue else {
            throw Failure(
                message: Message(vi: "\(name) là một tệp, không phải thư mục", en: "\(name) is a file, not a folder"))
        }
        let visible = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { !$0.hasPrefix(".") }.sorted()
        guard visible.isEmpty else {
            let shown = visible.prefix(5).joined(separator: ", ") + (visible.count > 5 ? ", …" : "")
            throw Failure(
                message: Message(
                    vi:
                        "thư mục \(name) đã có nội dung (\(shown)); hienmau init chỉ tạo trang trong thư mục trống hoặc chưa có",
                    en:
                        "folder \(name) is not empty (\(shown)); hienmau init makes a site only in an empty or new folder"
                ))
        }
    }

    /// The lines of `StarterSite.ignored` that `text` lacks, ready to append; nil when none.
    static func ignoreLines(missingFrom text: String) -> String? {
        let lines = Set(text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) })
        let missing = StarterSite.ignored.filter { !lines.contains($0) && !lines.contains("/" + $0) }
        guard !missing.isEmpty else { return nil }
        return (text.isEmpty || text.hasSuffix("\n") ? "" : "\n") + missing.joined(separator: "\n") + "\n"
    }
}
