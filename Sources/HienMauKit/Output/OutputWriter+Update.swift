import Foundation

extension OutputWriter {
    /// Brings an output folder written earlier up to date in place, writing
    /// only files whose bytes changed and removing files no longer made.
    /// Used by `serve` after an edit; returns the paths written.
    @discardableResult
    public func update(files: [OutputFile], rendered: [String], assets: [(path: String, url: URL)],
                       previous: [OutputFile]) throws -> [String] {
        let before = Dictionary(previous.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        let folders = SiteFolders(root: output.path)
        var written: [String] = []
        // Only files rendered by this build can differ from what is on disk.
        let fresh = Set(rendered)
        for file in files where fresh.contains(file.path) && before[file.path] != file {
            try folders.makeParent(of: file.path)
            try PlainFile.write(file.bytes, to: output.path + "/" + file.path)
            written.append(file.path)
        }
        let now = Set(files.map(\.path))
        for path in before.keys where !now.contains(path) {
            try? FileManager.default.removeItem(at: output.appendingPathComponent(path))
        }
        let fm = FileManager.default
        for asset in assets {
            let target = output.appendingPathComponent(asset.path)
            let source = try? fm.attributesOfItem(atPath: asset.url.path)
            let copy = try? fm.attributesOfItem(atPath: target.path)
            if source?[.modificationDate] as? Date != copy?[.modificationDate] as? Date
                || source?[.size] as? Int != copy?[.size] as? Int
            {
                try folders.makeParent(of: asset.path)
                try? fm.removeItem(at: target)
                try fm.copyItem(at: asset.url, to: target)
                written.append(asset.path)
            }
        }
        // Photos are published under names made from their content: the files of a photo no longer shown go.
        let published = Set(assets.map(\.path)).union(now)
        for path in SiteFiles.walk(output.appendingPathComponent("images")) where !published.contains("images/" + path) {
            try? fm.removeItem(at: output.appendingPathComponent("images/" + path))
        }
        return written.sorted()
    }
}
