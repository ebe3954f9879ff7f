import Foundation

extension OutputWriter {
    /// Brings an output folder written earlier up to date in place, writing
    /// only files whose bytes changed and removing files no longer made.
    /// Used by `serve` after an edit; returns the paths written. Each file
    /// is replaced in one step (`PlainFile.replace`), so a page being read
    /// meanwhile is the old one or the new one, whole, and a full disk
    /// leaves the old one; the first failure is thrown, naming the file.
    @discardableResult
    public func update(
        files: [OutputFile], rendered: [String], assets: [(path: String, url: URL)],
        previous: [OutputFile]
    ) throws -> [String] {
        let before = Dictionary(previous.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        let folders = SiteFolders(root: output.path)
        var written: [String] = []
        // Only files rendered by this build can differ from what is on disk.
        let fresh = Set(rendered)
        for file in files where fresh.contains(file.path) && before[file.path] != file {
            try folders.makeParent(of: file.path)
            try PlainFile.replace(output.path + "/" + file.path, with: file.bytes)
            written.append(file.path)
        }
        let now = Set(files.map(\.path))
        for path in before.keys where !now.contains(path) {
            try? FileManager.default.removeItem(at: output.appendingPathComponent(path))
        }
        for asset in assets where changed(asset) {
            try folders.makeParent(of: asset.path)
            try PlainFile.replace(output.path + "/" + asset.path, withCopyOf: asset.url.path)
            written.append(asset.path)
        }
        // Photos are published under names made from their content: the files of a photo no longer shown go.
        let published = Set(assets.map(\.path)).union(now)
        for path in SiteFiles.walk(output.appendingPathComponent("images")) where !published.contains("images/" + path)
        {
            try? FileManager.default.removeItem(at: output.appendingPathComponent("images/" + path))
        }
        return written.sorted()
    }

    /// The copy of `asset` differs from its source in time or size (a copy is newer than its source).
    private func changed(_ asset: (path: String, url: URL)) -> Bool {
        var source = stat(), copy = stat()
        guard stat(asset.url.path, &source) == 0, lstat(output.path + "/" + asset.path, &copy) == 0,
            copy.st_mode & S_IFMT == S_IFREG
        else { return true }
        return source.st_size != copy.st_size || source.st_mtim.tv_sec > copy.st_mtim.tv_sec
            || (source.st_mtim.tv_sec == copy.st_mtim.tv_sec && source.st_mtim.tv_nsec > copy.st_mtim.tv_nsec)
    }
}
