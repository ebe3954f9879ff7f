import ArgumentParser
import Foundation
import HienMauKit

/// `hienmau new "Title"`: a draft write-up to start from.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Start a new campaign write-up.")
    @Argument(help: "The campaign's title.") var title: String
    @Option(help: "The content folder.") var content = "content"

    func run() throws {
        do {
            let path = try Scaffold.newCampaign(
                title: title, content: URL(fileURLWithPath: content), today: Scaffold.today())
            print(path)
        } catch let error as Scaffold.Failure {
            throw CommandFailure(text: "error: \(error.message.text(.vi))\n")
        }
    }
}
