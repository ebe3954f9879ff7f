import ArgumentParser
import Foundation
import HienMauKit

/// `hienmau theme export [DIR]`: the built-in theme, written out to be changed.
struct Theme: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The built-in theme: templates and static files that a site's templates/ overrides file by file.",
        subcommands: [Export.self])

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the built-in theme into a folder (default: templates), to change what a site shows.")
        @Argument(help: "The folder to write into.") var folder = "templates"
        @Option(
            help: ArgumentHelp(
                "Only this file of the theme (repeat for more): page.mustache, static/style.css, …",
                valueName: "file")) var only: [String] = []

        func run() throws {
            let written: [String]
            do {
                written = try BuiltInTheme.export(to: URL(fileURLWithPath: folder), named: folder, only: only)
            } catch {
                throw CommandFailure(text: "error: \(error.message.text(.vi))\nerror: \(error.message.text(.en))\n")
            }
            print(written.map { "\(folder)/\($0)" }.joined(separator: "\n"))
            print(
                """
                Mỗi tệp để lại trong \(folder)/ thay tệp cùng tên của giao diện có sẵn; xoá tệp nào thì tệp đó lại lấy từ giao diện có sẵn.
                Each file kept in \(folder)/ replaces the built-in one of that name; delete one to get the built-in one back.
                """)
        }
    }
}
