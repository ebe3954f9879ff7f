import Foundation

/// Processed photos kept between builds under `.hienmau-cache/images/`
/// (outside the output folder, ignored by git): one folder per key, the
/// photo's content hash with the options, holding its encoded files and
/// `sizes`. An entry is written into a temporary folder and renamed into
/// place, so that a reader never sees half of one, and two builds making the
/// same entry at once both end with a whole one.
///
/// So that a rebuild need not read every photo to hash it, `stamps` keeps
/// each file's hash beside its inode, size and modification time; a file
/// whose stamp changed is read and hashed again.
final class ImageCache: @unchecked Sendable {
    let folder: URL
    private let lock = NSLock()
    private var stamps: [String: (stamp: FileStamp, hash: ContentHash.Hex)] = [:]
    private var used: [String: (stamp: FileStamp, hash: ContentHash.Hex)] = [:]

    struct FileStamp: Hashable {
        var inode: UInt64
        var size: Int
        var modified: Int64

        init?(_ url: URL) {
            var status = stat()
            guard stat(url.path, &status) == 0 else { return nil }
            inode = UInt64(status.st_ino)
            size = Int(status.st_size)
            modified = Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec)
        }

        init(inode: UInt64, size: Int, modified: Int64) {
            (self.inode, self.size, self.modified) = (inode, size, modified)
        }
    }

    /// The cache of the site whose cache root is `root` (`.hienmau-cache`).
    init(root: URL) {
        folder = root.appendingPathComponent("images/v1")
        for line in (try? String(contentsOf: folder.appendingPathComponent("stamps"), encoding: .utf8))?
            .split(separator: "\n") ?? []
        {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 5, let inode = UInt64(fields[1]), let size = Int(fields[2]),
                let modified = Int64(fields[3])
            else { continue }
            stamps[String(fields[0])] = (FileStamp(inode: inode, size: size, modified: modified), String(fields[4]))
        }
    }

    /// The hash of the file at `url` (`path` names it in `stamps`), from its
    /// stamp when unchanged; `read` gives the bytes when it must be read.
    func hash(of path: String, at url: URL, read: () -> [UInt8]?) -> (hash: ContentHash.Hex, bytes: [UInt8]?)? {
        let stamp = FileStamp(url)
        if let stamp, let known = lock.withLock({ stamps[path] }), known.stamp == stamp {
            lock.withLock { used[path] = known }
            return (known.hash, nil)
        }
        guard let bytes = read() else { return nil }
        let hash = ContentHash(bytes).hex
        if let stamp { lock.withLock { used[path] = (stamp, hash) } }
        return (hash, bytes)
    }

    func entry(_ key: String) -> URL { folder.appendingPathComponent(key) }

    /// An entry's widths and heights, or nil when it is not there, or not
    /// whole: `files` (the names `files(for:)` gives its sizes) must all be in it.
    func sizes(_ key: String, files: ([(width: Int, height: Int)]) -> [String]) -> [(width: Int, height: Int)]? {
        guard let text = try? String(contentsOf: entry(key).appendingPathComponent("sizes"), encoding: .utf8) else {
            return nil
        }
        let rows = text.split(separator: "\n").map { $0.split(separator: " ").compactMap { Int($0) } }
        guard !rows.isEmpty, rows.allSatisfy({ $0.count == 2 }) else { return nil }
        let sizes = rows.map { (width: $0[0], height: $0[1]) }
        let entry = entry(key).path
        return files(sizes).allSatisfy { access(entry + "/" + $0, R_OK) == 0 } ? sizes : nil
    }

    /// Writes an entry: `files` (name → bytes) and `sizes`, then renames it into place.
    func store(_ key: String, sizes: [(width: Int, height: Int)], files: [(String, [UInt8])]) {
        let fm = FileManager.default
        let temporary = folder.appendingPathComponent(".\(key).\(getpid()).\(UInt64.random(in: 0...UInt64.max))")
        do {
            try fm.createDirectory(at: temporary, withIntermediateDirectories: true)
            for (name, bytes) in files { try Data(bytes).write(to: temporary.appendingPathComponent(name)) }
            try Data(sizes.map { "\($0.width) \($0.height)\n" }.joined().utf8).write(
                to: temporary.appendingPathComponent("sizes"))
            if rename(temporary.path, entry(key).path) != 0 {
                // Another build made the same entry meanwhile (kept), or one that is there lost a file (replaced).
                let whole = (files.map(\.0) + ["sizes"]).allSatisfy { access(entry(key).path + "/" + $0, R_OK) == 0 }
                if !whole { try? fm.removeItem(at: entry(key)) }
                if whole || rename(temporary.path, entry(key).path) != 0 { try? fm.removeItem(at: temporary) }
            }
        } catch {
            // A cache that cannot be written costs time, not correctness: the files are made again next time.
            try? fm.removeItem(at: temporary)
        }
    }

    /// Removes every entry but `keys`, and keeps the stamps of the files this build looked at.
    func prune(keeping keys: Set<String>) {
        let fm = FileManager.default
        // A site without photos gets no cache folder.
        guard !keys.isEmpty || fm.fileExists(atPath: folder.path) else { return }
        for name in (try? fm.contentsOfDirectory(atPath: folder.path)) ?? []
        where name != "stamps" && !keys.contains(name) {
            try? fm.removeItem(at: folder.appendingPathComponent(name))
        }
        let lines = lock.withLock { used }.sorted { $0.key < $1.key }.map { path, known in
            "\(path)\t\(known.stamp.inode)\t\(known.stamp.size)\t\(known.stamp.modified)\t\(known.hash)\n"
        }
        try? fm.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".stamps.\(getpid())")
        if (try? Data(lines.joined().utf8).write(to: temporary)) != nil {
            rename(temporary.path, folder.appendingPathComponent("stamps").path)
        }
    }
}

extension ContentHash {
    typealias Hex = String
}
