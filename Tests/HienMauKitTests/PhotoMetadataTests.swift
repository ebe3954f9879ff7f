import Foundation
import Testing

@testable import HienMauKit

/// The sample site's photos carry a phone's metadata (GPS position, camera
/// and serial number, photographer, time, a thumbnail; see
/// scripts/make_sample_photos.py); no published file carries any of it.
@Suite struct PhotoMetadataTests {
    /// What exiftool says of `files`, one dictionary of "Group:Tag" per file.
    static func exiftool(_ files: [String]) throws -> [[String: Any]] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/exiftool")
        process.arguments = ["-j", "-a", "-G1", "-s", "-b"] + files
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    }

    /// Groups that describe the file itself and its pixels (size, encoding), never where, who or what took it.
    static let fileGroups: Set<String> = ["SourceFile", "ExifTool", "System", "File", "Composite", "RIFF", "JFIF"]

    @Test func theSourcesHaveTheMetadataThatIsRemoved() throws {
        let sources = try Fixtures.names(in: Repo.content.appendingPathComponent("images")) { $0.hasSuffix(".jpg") }
        #expect(sources.count >= 4)
        for info in try Self.exiftool(sources.map { Repo.content.appendingPathComponent("images/\($0)").path }) {
            for tag in [
                "GPS:GPSLatitude", "IFD0:Make", "ExifIFD:SerialNumber", "IFD0:Artist", "XMP-dc:Creator",
                "IFD1:ThumbnailImage",
            ] {
                #expect(info[tag] != nil, "\(info["SourceFile"] ?? "") has no \(tag)")
            }
        }
    }

    @Test func noPublishedFileCarriesMetadata() throws {
        let temp = TempFolder()
        let output = temp.url.appendingPathComponent("public")
        let run = try CLI.run(
            [
                "build", "--content", Repo.content.path, "--templates", Repo.templates.path,
                "--output", output.path,
            ], in: Repo.root)
        try #require(run.status == 0, "\(run.stderr)")
        let images = SiteFiles.walk(output.appendingPathComponent("images"))
        #expect(images.count >= 30)
        // The originals are not published, only what was made of them.
        for original in try Fixtures.names(
            in: Repo.content.appendingPathComponent("images"), where: { !$0.hasSuffix(".svg") })
        {
            #expect(!images.contains(original), "\(original) is published as it is")
        }
        for name in images {
            let bytes = [UInt8](try Data(contentsOf: output.appendingPathComponent("images/\(name)")))
            #expect(
                (name.hasSuffix(".webp") ? MetadataStrip.webp(bytes) : MetadataStrip.jpeg(bytes)) == bytes,
                "\(name) holds a metadata block")
        }
        for info in try Self.exiftool(images.map { output.appendingPathComponent("images/\($0)").path }) {
            let extra = info.keys.filter { !Self.fileGroups.contains(String($0.split(separator: ":").first ?? "")) }
            #expect(extra.isEmpty, "\(info["SourceFile"] ?? ""): \(extra.sorted())")
        }
        // Nothing of it in the pages either.
        for page in SiteFiles.walk(output) where page.hasSuffix(".html") {
            let text = try String(contentsOf: output.appendingPathComponent(page), encoding: .utf8)
            for canary in ["SN-0042-7731", "HienMauPhone", "Nguyễn Văn Ảnh", "105.85"] {
                #expect(!text.contains(canary), "\(canary) in \(page)")
            }
        }
    }
}
