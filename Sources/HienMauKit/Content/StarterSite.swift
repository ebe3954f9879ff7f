import Foundation

/// What `hienmau init` writes, compiled into the binary from `starter/`
/// (`StarterSite+Files.swift`): `site.yml` with every key explained, one
/// campaign, records with Vietnamese headers, awards, an about page, an
/// images folder, a `.gitignore` and CI files for GitHub Actions and GitLab CI.
public enum StarterSite {
    /// Written where the CI files name the release to download.
    static let versionMark = "@VERSION@"

    /// Lines a `.gitignore` must have: the output and the cache are made again by every build.
    static let ignored = ["public/", ".hienmau-cache/"]

    /// The files, with `version` (this binary's) where the CI files name the release.
    public static func files(version: String) -> [EmbeddedFile] {
        files.map { file in
            let text = file.text
            guard text.contains(versionMark) else { return file }
            return EmbeddedFile(file.path, text: text.replacing(versionMark, with: version))
        }
    }
}
