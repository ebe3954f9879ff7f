import Foundation
import Testing

@testable import HienMauKit

/// What each fixture must give (its `NAME.expected.json`), and the messages
/// each refusal is made with, in full, in both languages.
extension RecordFixtureTests {
    struct Expected {
        enum Outcome {
            /// Campaign id → figures; the named donors of the site's honour roll with their counts.
            case figures([String: [String: Any]], named: [String: Int])
            case refused(reason: String, at: [Int]?, sheet: String?)
        }

        var file: URL
        var target: String
        var outcome: Outcome
        /// For a file in another encoding: what `site.yml` declares, and the refusal without it.
        var declaredEncoding: String?
        var undeclared: String?
        var whereUndeclared: [Int]?

        init(_ name: String) throws {
            let folder = try #require(
                RecordFixtureTests.folders.first {
                    FileManager.default.fileExists(atPath: $0.appendingPathComponent("\(name).expected.json").path)
                })
            let data = try Data(contentsOf: folder.appendingPathComponent("\(name).expected.json"))
            let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let workbook = folder.lastPathComponent == "workbooks"
            file = folder.appendingPathComponent(name + (workbook ? ".xlsx" : ".csv"))
            target = workbook ? "donations.xlsx" : "donations.csv"
            undeclared = json["undeclared"] as? String
            whereUndeclared = json["undeclared_where"] as? [Int]
            declaredEncoding = undeclared == nil ? nil : "data_encoding: windows-1258"
            if json["outcome"] as? String == "figures" {
                let campaigns = try #require(json["campaigns"] as? [String: [String: Any]])
                let roll = try #require(json["honour_roll"] as? [[Any]])
                var named: [String: Int] = [:]
                for entry in roll { named[entry[0] as! String] = entry[1] as? Int }
                outcome = .figures(campaigns, named: named)
            } else {
                outcome = .refused(
                    reason: try #require(json["reason"] as? String), at: json["where"] as? [Int],
                    sheet: json["sheet"] as? String)
            }
        }
    }

    /// campaigns.json's totals and breakdowns, and honour-roll.json's named donors, against the fixture's own.
    func checkFigures(_ files: [OutputFile], campaigns: [String: [String: Any]], named: [String: Int], name: String)
        throws
    {
        let json = try #require(files.first { $0.path == "data/campaigns.json" }).contents
        let site = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let published = try #require(site["campaigns"] as? [[String: Any]])
        #expect(published.count == campaigns.count, "\(name)")
        for campaign in published {
            let id = try #require(campaign["id"] as? String)
            let wanted = try #require(campaigns[id], "\(name): \(id)")
            for key in ["registrations", "donations", "volume_ml"] {
                #expect(campaign[key] as? Int == wanted[key] as? Int, "\(name) \(id) \(key)")
            }
            let breakdowns = [
                ("by_site", "site", "registrations"), ("by_date", "date", "registrations"),
                ("by_blood_group", "blood_group", "donations"),
            ]
            for (list, key, count) in breakdowns {
                var got: [String: Int] = [:]
                for group in campaign[list] as? [[String: Any]] ?? [] where (group[count] as? Int ?? 0) > 0 {
                    got[group[key] as? String ?? "null"] = group[count] as? Int
                }
                #expect(got == (wanted[list] as? [String: Int] ?? [:]), "\(name) \(id) \(list)")
            }
        }
        let rollText = try #require(files.first { $0.path == "data/honour-roll.json" }).contents
        let roll = try #require(try JSONSerialization.jsonObject(with: Data(rollText.utf8)) as? [String: Any])
        var got: [String: Int] = [:]
        for donor in roll["donors"] as? [[String: Any]] ?? [] {
            if let name = donor["name"] as? String { got[name] = donor["donations"] as? Int }
        }
        #expect(got == named, "\(name) honour roll")
    }

    /// The refusal's message, located where the fixture says the problem is.
    func checkRefusal(_ diagnostics: [Diagnostic], reason: String, at place: [Int]?, sheet: String?) throws {
        let wanted = try #require(Self.refusals[reason], "no message known for \(reason)")
        let found = diagnostics.first { $0.message == wanted.message }
        #expect(found != nil, "\(reason): \(diagnostics.map(\.message.vi))")
        guard let found else { return }
        #expect(found.severity == wanted.severity, "\(reason)")
        if let place {
            #expect(found.location.line == place[0], "\(reason)")
            // A workbook's column is the sheet's; a CSV's is the character on the line.
            if sheet != nil { #expect(found.location.column == place[1], "\(reason)") }
        }
    }

    static let refusals: [String: (severity: Diagnostic.Severity, message: Message)] = [
        "empty-campaign": (
            .warning,
            Message(
                vi: "chiến dịch ca-mau-2020 có bài viết nhưng không có dòng số liệu nào: trang của nó sẽ chỉ toàn số 0",
                en: "campaign ca-mau-2020 has a write-up but no rows: its page would show only zeros")
        ),
        "outside-period": (
            .warning,
            Message(
                vi:
                    "ngày 30/9/2023 nằm ngoài thời gian chiến dịch hn-2023 (4/8/2023 – 25/8/2023) (trang \"Tổng hợp\", ô B23)",
                en:
                    "date 2023-09-30 is outside campaign hn-2023's period (2023-08-04 to 2023-08-25) (sheet \"Tổng hợp\", cell B23)"
            )
        ),
        "totals-disagree": (
            .warning,
            Message(
                vi:
                    "dòng tổng cộng ghi 9.150 ml nhưng các dòng phía trên cộng lại được 8.800 ml (trang \"Tổng hợp\", ô G39)",
                en: "the totals row says 9150 ml but the rows above add up to 8800 ml (sheet \"Tổng hợp\", cell G39)")
        ),
        "two-names-one-id": (
            .warning,
            Message(
                vi:
                    "donor_id \"HN-01040\" mang hai tên: \"Phạm Văn Long\" ở dòng 10 và \"Phạm Thị Hoa\" ở đây (trang \"DS hiến máu\", ô D20)",
                en:
                    "donor_id \"HN-01040\" carries two names: \"Phạm Văn Long\" on row 10 and \"Phạm Thị Hoa\" here (sheet \"DS hiến máu\", cell D20)"
            )
        ),
        "us-dates": (
            .error,
            Message(
                vi:
                    "ngày \"8/4/2023\" đọc ngày trước tháng là ngày 8 tháng 4 năm 2023, ngoài thời gian chiến dịch; đọc tháng trước ngày thì là ngày 4 tháng 8 năm 2023, trong thời gian đó",
                en:
                    "date \"8/4/2023\" read day first is 2023-04-08, outside the campaign's period; read month first it is 2023-08-04, inside it"
            )
        ),
        "two-digit-year": (
            .error,
            Message(
                vi: "ngày \"04/08/23\": năm có hai chữ số: không biết là thế kỷ nào",
                en: "date \"04/08/23\": the year has two digits: which century?")
        ),
        "lost-letters": (
            .error,
            Message(
                vi:
                    "tệp không phải UTF-8, và có dấu ? thay cho chữ cái: tệp đã được lưu bằng một bảng mã không có chữ tiếng Việt (Windows-1252)",
                en:
                    "the file is not UTF-8, and ? stand in for letters: it was saved in a code page without Vietnamese letters (Windows-1252)"
            )
        ),
        "undeclared-encoding": (
            .error,
            Message(
                vi: "tệp có byte không phải UTF-8; có vẻ là Windows-1258 hoặc Latin-1 của Excel cũ",
                en: "the file has bytes that are not UTF-8; it looks like Windows-1258 or Latin-1 from an older Excel")
        ),
    ]
}
