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
        // A file past the size limit (ulimit -f) is then an error that names it, not a silent end.
        signal(SIGXFSZ, SIG_IGN)
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
    @Option(
        help:
            "The templates folder (default: templates, if there is one): its files replace the built-in theme's, file by file."
    )
    var templates: String?
    @Flag(help: "Include drafts.") var drafts = false
    @Flag(help: "Treat warnings as errors.") var strict = false
    @Option(help: "How to print problems: text, github or json.") var format: DiagnosticFormat = .text

    var buildOptions: BuildOptions {
        // Without --templates, a templates/ folder is used when there is one.
        BuildOptions(
            content: URL(fileURLWithPath: content), templates: URL(fileURLWithPath: templates ?? "templates"),
            requiresTemplates: templates != nil, drafts: drafts)
    }

    /// Whether a build's result may be published: no errors, and no warnings with `--strict`.
    func accepts(_ result: BuildResult) -> Bool {
        result.succeeded && !(strict && !result.diagnostics.warnings.isEmpty)
    }

    /// The folder to build into for `--output` `name` (the target of a link
    /// `name`), checked by `OutputGuard`; throws when it may not be replaced.
    func outputFolder(_ name: String) throws(CommandFailure) -> URL {
        let given = URL(fileURLWithPath: name).standardizedFileURL
        let output: URL
        switch OutputGuard.resolve(given, shown: name) {
        case .success(let folder): output = folder
        case .failure(let message): throw CommandFailure(path: name, message)
        }
        if let problem = OutputGuard.problem(
            output: output, content: buildOptions.content, templates: buildOptions.templates,
            workingDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        {
            throw CommandFailure(path: name, problem)
        }
        return output
    }

    /// The output's lock for this process (`OutputLock`), or the failure naming who holds it.
    func lock(_ output: URL, named name: String, command: String) throws(CommandFailure) -> OutputLock {
        do {
            return try OutputLock(output: output, shown: name, command: command)
        } catch {
            throw CommandFailure(path: name, error.message)
        }
    }
}

enum DiagnosticFormat: String, ExpressibleByArgument, CaseIterable {
    case text, github, json
}
