import Foundation
import Testing

@testable import HienMauKit

@Suite struct FormatTests {
    @Test func integersGroupThousandsWithDots() {
        #expect(VietnameseFormat.integer(0) == "0")
        #expect(VietnameseFormat.integer(999) == "999")
        #expect(VietnameseFormat.integer(26203) == "26.203")
        #expect(VietnameseFormat.integer(1_234_567) == "1.234.567")
        #expect(VietnameseFormat.integer(-1500) == "-1.500")
    }

    @Test func percentHasOneDecimalCommaAndNoBreakSpace() {
        #expect(VietnameseFormat.percent(0.265) == "26,5\u{00A0}%")
        #expect(VietnameseFormat.percent(1.127) == "112,7\u{00A0}%")
        #expect(VietnameseFormat.percent(1334.0 / 1000) == "133,4\u{00A0}%")
        #expect(VietnameseFormat.percent(0) == "0,0\u{00A0}%")
        #expect(VietnameseFormat.percent(123.456) == "12.345,6\u{00A0}%")
    }

    @Test func datesHaveNoLeadingZeros() {
        #expect(VietnameseFormat.date(Day(year: 2023, month: 8, day: 4)!) == "4/8/2023")
        #expect(VietnameseFormat.date(Day(year: 2020, month: 12, day: 25)!) == "25/12/2020")
    }

    @Test func englishFormats() {
        #expect(EnglishFormat.integer(26203) == "26,203")
        #expect(EnglishFormat.percent(0.265) == "26.5%")
        #expect(EnglishFormat.date(Day(year: 2023, month: 8, day: 4)!) == "4 August 2023")
    }

    @Test func daysParseBothFormsAndRejectImpossibleOnes() {
        #expect(Day(parsing: "2023-08-04") == Day(year: 2023, month: 8, day: 4))
        #expect(Day(parsing: "4/8/2023") == Day(year: 2023, month: 8, day: 4))
        #expect(Day(parsing: "04/08/2023") == Day(year: 2023, month: 8, day: 4))
        #expect(Day(parsing: "2023-02-29") == nil)
        #expect(Day(parsing: "2024-02-29") != nil)
        #expect(Day(parsing: "31/4/2023") == nil)
        #expect(Day(parsing: "2023/08/04") == nil)
        #expect(Day(ordinal: Day(year: 2023, month: 8, day: 25)!.ordinal) == Day(year: 2023, month: 8, day: 25))
    }

    @Test func escapingForHTMLAndCSV() {
        #expect(Escape.html("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;")
        #expect(Escape.html("\" onmouseover=\"x") == "&quot; onmouseover=&quot;x")
        #expect(Escape.csvCell("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(Escape.csvCell("@SUM(A1)") == "'@SUM(A1)")
        #expect(Escape.csvCell("-5") == "-5")
        #expect(Escape.csvCell("a,b") == "\"a,b\"")
        // A comma or line end is seen even when a combining mark joins it into one Character.
        #expect(Escape.csvCell("a,\u{301}b") == "\"a,\u{301}b\"")
        #expect(Escape.csvCell("a\r\nb") == "\"a\r\nb\"")
        #expect(Escape.csvCell("Nguyễn Văn A") == "Nguyễn Văn A")
    }
}

/// The open data's JSON strings: read back by Foundation's parser to the text
/// they were made from, with nothing raw that could end an inline script or a
/// JavaScript line, and text that needs no escape left as it is.
@Suite struct JSONQuotingTests {
    static let texts = [
        "Giọt máu nghĩa tình – Hà Nội", "say \"hi\"", "back\\slash", "two\nlines\r\n", "tab\there",
        "</script><b>", "line\u{2028}and\u{2029}paragraph", "bell\u{07} unit\u{1F} nul\u{00}", "…‘’“”—",
        "ends with e2 bytes \u{2027}\u{202A}", "",
    ]

    @Test(arguments: texts) func quotedTextReadsBackAsWritten(_ text: String) throws {
        let json = Self.streamed { json in
            json.beginArray()
            json.string(text)
            json.end()
        }
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String]
        #expect(parsed.map { $0.map { Array($0.utf8) } } == [Array(text.utf8)])
        #expect(!json.contains("<") && !json.contains("\u{2028}") && !json.contains("\u{2029}"), "\(json)")
        #expect(!json.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "\(json)")
    }

    @Test func plainTextIsNotEscaped() {
        let json = Self.streamed { $0.string("Giọt máu – “nghĩa tình”…") }
        #expect(json == "\"Giọt máu – “nghĩa tình”…\"\n")
    }

    static func streamed(_ write: (inout JSONStream) -> Void) -> String {
        var stream = JSONStream()
        write(&stream)
        return String(decoding: stream.finish(), as: UTF8.self)
    }

    /// The layout: two spaces an indent, nested, empty and null values alike.
    @Test func streamLayout() {
        var stream = JSONStream()
        stream.beginObject()
        stream.key("a")
        stream.beginArray()
        stream.int(1)
        stream.beginObject()
        stream.end()
        stream.beginArray()
        stream.end()
        stream.string(nil)
        stream.double(0.5)
        stream.double(.nan)
        stream.end()
        stream.key("b")
        stream.beginObject()
        stream.field("c", "d")
        stream.key("e")
        stream.beginArray()
        stream.beginObject()
        stream.field("f", nil as Int?)
        stream.end()
        stream.end()
        stream.end()
        stream.end()
        let streamed = String(decoding: stream.finish(), as: UTF8.self)
        #expect(
            streamed == """
                {
                  "a": [
                    1,
                    {},
                    [],
                    null,
                    0.5,
                    null
                  ],
                  "b": {
                    "c": "d",
                    "e": [
                      {
                        "f": null
                      }
                    ]
                  }
                }

                """)
    }
}

/// `check --format json`: one object per diagnostic, keys in this order, null for no hint.
@Suite struct DiagnosticJSONTests {
    @Test func layoutIsStable() {
        let printer = DiagnosticPrinter(language: .en)
        let items = [
            Diagnostic(
                .error, at: SourceLocation(file: "content/data/donations.csv", line: 2, column: 36),
                Message(vi: "sai", en: "volume_ml \"3500\" is wrong"), hint: Message(vi: "gợi ý", en: "use 350")),
            Diagnostic(
                .warning, at: SourceLocation(file: "content/site.yml", line: 0, column: 0), Message(vi: "x", en: "<y>")),
        ]
        #expect(
            printer.formatJSON(items) == """
                [
                  {
                    "severity": "error",
                    "file": "content/data/donations.csv",
                    "line": 2,
                    "column": 36,
                    "message": "volume_ml \\"3500\\" is wrong",
                    "hint": "use 350"
                  },
                  {
                    "severity": "warning",
                    "file": "content/site.yml",
                    "line": 0,
                    "column": 0,
                    "message": "\\u003cy>",
                    "hint": null
                  }
                ]

                """)
        #expect(printer.formatJSON([]) == "[]\n")
    }
}
