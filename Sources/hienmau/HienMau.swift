import ArgumentParser
import Foundation
import HienMauKit

/// The command line. Usage problems exit with 64 (swift-argument-parser's
/// `ValidationError` and its own parsing errors); a command that fails
/// throws a `CommandFailure`, printed here as it is, and exits with 1.
@main
struct HienMau: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hienmau",
        abstract: "Static report sites for blood-donation campaigns.",
        version: Version.text,
        subcommands: [Build.self, Check.self, New.self, Serve.self, Init.self, Theme.self],
        defaultSubcommand: Build.self)

    static func main() async {
        do {
            var command = try await asyncParseAsRoot()
            if var command = command as? AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch let failure as CommandFailure {
            FileHandle.standardError.write(Data(failure.text.utf8))
            exit(withError: ExitCode.failure)
        } catch {
            exit(withError: error)
        }
    }
}

/// Options shared by `build`, `check` and `serve`.
struct InputOptions: ParsableArguments {
    @Option(help: "The content folder.") var content = "content"
    @Option(help: "The templates folder (default: templates, if there is one): its files replace the built-in theme's, file by file.")
    var templates: String?
    @Flag(help: "Include drafts.") var drafts = false
    @Flag(help: "Treat warnings as errors.") var strict = false
    @Option(help: "How to print problems: text, github or json.") var format: DiagnosticFormat = .text

    var buildOptions: BuildOptions {
        // Without --templates, a templates/ folder is used when there is one.
        BuildOptions(content: URL(fileURLWithPath: content), templates: URL(fileURLWithPath: templates ?? "templates"),
                     requiresTemplates: templates != nil, drafts: drafts)
    }

    /// Whether a build's result may be published: no errors, and no warnings with `--strict`.
    func accepts(_ result: BuildResult) -> Bool {
        result.succeeded && !(strict && !result.diagnostics.warnings.isEmpty)
    }

    /// Throws unless `output` (given as `name`) is a folder a build may replace (`OutputGuard`).
    func checkOutput(_ output: URL, named name: String) throws(CommandFailure) {
        if let problem = OutputGuard.problem(
            output: output, content: buildOptions.content, templates: buildOptions.templates,
            workingDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        {
            throw CommandFailure(path: name, problem)
        }
    }
}

enum DiagnosticFormat: String, ExpressibleByArgument, CaseIterable {
    case text, github, json
}
