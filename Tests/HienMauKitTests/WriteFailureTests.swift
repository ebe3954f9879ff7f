import Foundation
import Testing

@testable import HienMauKit

/// A build that cannot write says which file and why, in the site's
/// language, and leaves the published site as it was.
@Suite(.serialized) struct WriteFailureTests {
    @Test(arguments: ["vi", "en"]) func aFileOverTheSizeLimitIsNamedAndTheOldSiteStays(_ language: String) throws {
        let folder = TempFolder()
        let (content, _) = folder.copySampleSite()
        if language == "en" {
            let file = content.appendingPathComponent("site.yml")
            try Data(try String(contentsOf: file, encoding: .utf8).replacing("language: vi", with: "language: en").utf8)
                .write(to: file)
        }
        #expect(try CLI.run(["build"], in: folder.url).status == 0)
        let before = CLI.snapshot(folder.url.appendingPathComponent("public"))
        try Data("---\ntitle: \"Trang mới\"\n---\n\nx\n".utf8).write(to: content.appendingPathComponent("pages/moi.md"))
        // 100 blocks: every page fits, the largest copy of a photo does not.
        let run = try CLI.run(
            ["-c", "ulimit -f 100; exec \"$0\" build", CLI.binary], in: folder.url, executable: "/bin/sh")
        #expect(run.status == 1)
        // The first file past the limit is one of the photos' largest copies (named by its content).
        let expected =
            language == "vi"
            ? ": lỗi: không ghi được: tệp lớn hơn giới hạn kích thước tệp (ulimit -f); trang đã xuất bản vẫn giữ nguyên\n"
            : ": error: cannot write: the file is larger than the file-size limit (ulimit -f); the published site is unchanged\n"
        #expect(run.stderr.hasPrefix("public/images/") && run.stderr.hasSuffix(expected), "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
        #expect(CLI.snapshot(folder.url.appendingPathComponent("public")) == before)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter {
            $0.contains("staging")
        }
        #expect(names.isEmpty)
    }

    @Test func aFullDiskIsSaidSo() throws {
        do {
            try PlainFile.write(Array(repeating: 1, count: 10), to: "/dev/full")
            Issue.record("writing to /dev/full succeeded")
        } catch {
            #expect(error.code == ENOSPC)
            #expect(
                error.message
                    == Message(
                        vi: "/dev/full: không ghi được: ổ đĩa đã đầy", en: "/dev/full: cannot write: the disk is full"))
        }
    }

    @Test func eachCauseIsSaidInBothLanguages() {
        #expect(Errno.text(EACCES) == Message(vi: "không có quyền", en: "permission denied"))
        #expect(Errno.text(EFBIG).en == "the file is larger than the file-size limit (ulimit -f)")
        #expect(Errno.text(EROFS).vi == "ổ đĩa chỉ cho đọc")
        #expect(Errno.text(EDQUOT).en == "the disk quota is used up")
    }

    @Test func aFolderThatCannotBeMadeIsNamed() throws {
        let folder = TempFolder()
        try Data("x".utf8).write(to: folder.url.appendingPathComponent("file"))
        let folders = SiteFolders(root: folder.url.path + "/file")
        #expect(throws: OutputProblem.self) { try folders.makeParent(of: "a/b.html") }
        do {
            try folders.makeParent(of: "a/b.html")
        } catch let problem as OutputProblem {
            #expect(
                problem.message.vi
                    == "\(folder.url.path)/file/a: không tạo được thư mục: một phần của đường dẫn không phải thư mục")
        }
    }
}
