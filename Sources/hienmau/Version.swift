import CBuildInfo

/// What `hienmau --version` prints: the release and the commit it was built from.
enum Version {
    /// The release; `make dist` names the tarball after it.
    static let number = "0.1.0"
    static var commit: String { String(cString: hienmau_commit()) }
    static var text: String { "hienmau \(number) (commit \(commit))" }
}
