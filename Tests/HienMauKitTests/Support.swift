import Foundation
@testable import HienMauKit

/// Paths and helpers shared by the tests.
enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let content = root.appendingPathComponent("content")
    static let templates = root.appendingPathComponent("templates")
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let shared = root.deletingLastPathComponent().appendingPathComponent("shared")
}

/// A temporary folder removed when the value goes away.
final class TempFolder {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("hienmau-test-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Copies the sample content and templates in, to change them safely.
    func copySampleSite() -> (content: URL, templates: URL) {
        let content = url.appendingPathComponent("content"), templates = url.appendingPathComponent("templates")
        try! FileManager.default.copyItem(at: Repo.content, to: content)
        try! FileManager.default.copyItem(at: Repo.templates, to: templates)
        return (content, templates)
    }

    func write(_ relative: String, _ text: String) {
        let file = url.appendingPathComponent(relative)
        try! FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! Data(text.utf8).write(to: file)
    }
}

/// Reads CSV text through the real reader and aggregates it.
func figures(csv: String, campaigns: [(String, Int?)], milestones: [Int] = [5, 10, 15, 20, 30, 40, 50],
             consentDefault: Bool = false) -> (SiteFigures, Diagnostics) {
    var diagnostics = Diagnostics()
    var builder = FigureBuilder(campaigns: campaigns.map { .init(id: $0.0, targetUnits: $0.1) },
                                milestones: milestones, consentDefault: consentDefault, file: "d.csv")
    DonationTable.read(bytes: Array(csv.utf8),
                       context: .init(file: "d.csv", campaignIDs: Set(campaigns.map(\.0))),
                       diagnostics: &diagnostics) { builder.add($0) }
    return (builder.finish(), diagnostics)
}
