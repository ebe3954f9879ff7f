// libFuzzer target: any bytes as a campaign write-up and as a page. Front
// matter parsing and field reading must never crash, and every diagnostic
// must print (source line, caret) without trapping. Whatever the plain YAML
// reader accepts, it must read exactly as Yams does.
@testable import HienMauKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatter(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    var diagnostics = Diagnostics()
    _ = Campaign.parse(SourceFile(path: "content/campaigns/x.md", text: text), diagnostics: &diagnostics)
    _ = Page.parse(SourceFile(path: "content/pages/x.md", text: text), diagnostics: &diagnostics)
    for language in [Language.vi, .en] {
        let printer = DiagnosticPrinter(language: language)
        _ = printer.format(diagnostics)
        _ = printer.formatJSON(diagnostics.items)
    }
    // The whole input, and the YAML between its fences (the seeds are write-ups).
    var yamls = [text]
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    if lines.first == "---", let closing = lines.dropFirst().firstIndex(of: "---") {
        yamls.append(lines[1..<closing].joined(separator: "\n"))
    }
    for yaml in yamls {
        guard let plain = PlainYAML.read(yaml) else { continue }
        let yams = try? YAMLValue.withYams(yaml)
        precondition(
            yams == plain, "PlainYAML and Yams differ on:\n\(yaml)\nplain: \(plain)\nyams: \(String(describing: yams))")
    }
    return 0
}
