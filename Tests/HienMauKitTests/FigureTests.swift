import Foundation
import Testing

@testable import HienMauKit

@Suite struct FigureTests {
    /// Hand-computed: a-2023 has 5 registrations, 3 donations (250+350+450 = 1050 ml), 2 deferred
    /// (one `0`, one empty); target 4 → progress 0.75.
    let csv = """
        campaign,date,site,donor,donor_id,unit,volume_ml,blood_group,prior_donations,consent
        a-2023,2023-08-04,Điểm A,Nguyễn Văn An,,Đơn vị 1,250,O+,,yes
        a-2023,2023-08-04,Điểm A,Trần Thị Bình,,Đơn vị 1,0,A+,,yes
        a-2023,2023-08-05,Điểm B,Lê Văn Cường,,,350,,,yes
        a-2023,2023-08-05,Điểm B,Phạm Văn Dũng,,Đơn vị 2,450,O+,,yes
        a-2023,2023-08-05,Điểm A,Hoàng Văn Em,,Đơn vị 2,,,,yes

        """

    @Test func totalsOfOneCampaign() throws {
        let (result, diagnostics) = figures(csv: csv, campaigns: [("a-2023", 4)])
        #expect(!diagnostics.hasErrors)
        let a = try #require(result.campaign("a-2023"))
        #expect(a.totals == Tally(registrations: 5, donations: 3, volumeML: 1050))
        #expect(a.totals.deferred == 2)
        #expect(a.progress == 0.75)
        #expect(result.totals == Tally(registrations: 5, donations: 3, volumeML: 1050))
    }

    @Test func breakdowns() throws {
        let (result, _) = figures(csv: csv, campaigns: [("a-2023", nil)])
        let a = try #require(result.campaign("a-2023"))
        #expect(a.progress == nil)
        #expect(a.bySite.map(\.key) == ["Điểm B", "Điểm A"])
        #expect(
            a.bySite.map(\.tally) == [
                Tally(registrations: 2, donations: 2, volumeML: 800),
                Tally(registrations: 3, donations: 1, volumeML: 250),
            ])
        #expect(a.byDate.map { $0.key!.iso } == ["2023-08-04", "2023-08-05"])
        #expect(a.byDate.map(\.tally.donations) == [1, 2])
        // Empty unit forms its own group, last.
        #expect(a.byUnit.map(\.key) == ["Đơn vị 1", "Đơn vị 2", nil])  // tie: by name
        #expect(a.byUnit.last?.tally == Tally(registrations: 1, donations: 1, volumeML: 350))
        // Blood groups count donations only; the deferred A+ row gives A+ zero donations.
        #expect(a.byBloodGroup.map(\.key) == ["O+", "A+", nil])
        #expect(a.byBloodGroup.map(\.tally.donations) == [2, 0, 1])
    }

    @Test func lifetimeCountsRunAcrossCampaignsInOrder() throws {
        let csv = """
            campaign,date,site,donor,donor_id,unit,volume_ml,prior_donations,consent
            old,2020-04-19,S,Nguyễn Văn Hùng,P1,U,350,8,yes
            old,2020-04-19,S,Trần Văn Tư,,U,350,3,yes
            new,2023-08-04,S,Nguyễn Văn Hùng (đổi tên),P1,U2,350,,yes
            new,2023-08-04,S,Trần Văn Tư,,U,350,4,yes
            new,2023-08-04,S,Trần Văn Tư,,U,0,,yes

            """
        let (result, diagnostics) = figures(csv: csv, campaigns: [("old", nil), ("new", nil)])
        #expect(!diagnostics.hasErrors)
        // P1: prior 8 + 1 (old) = 9 after old, 10 after new. Tư: max prior 4 + 1 + 1 = 6.
        #expect(
            result.campaignRolls["old"] == [
                HonouredDonor(name: "Nguyễn Văn Hùng", unit: "U", donations: 9, milestone: 5),
                HonouredDonor(name: "Trần Văn Tư", unit: "U", donations: 5, milestone: 5),
            ])
        #expect(
            result.campaignRolls["new"] == [
                HonouredDonor(name: "Nguyễn Văn Hùng", unit: "U", donations: 10, milestone: 10),
                HonouredDonor(name: "Trần Văn Tư", unit: "U", donations: 6, milestone: 5),
            ])
        #expect(result.honourRoll.map(\.donations) == [10, 6])
    }

    @Test func nfcAndNfdNamesAreOneDonor() {
        let nfc = "Nguyễn Thị Hằng".precomposedStringWithCanonicalMapping
        let nfd = "Nguyễn Thị Hằng".decomposedStringWithCanonicalMapping
        let csv = """
            campaign,date,site,donor,unit,volume_ml,prior_donations,consent
            a,2023-01-01,S,\(nfc),U,350,3,yes
            a,2023-05-01,S,\(nfd),U,350,,yes

            """
        let (result, _) = figures(csv: csv, campaigns: [("a", nil)])
        #expect(result.honourRoll == [HonouredDonor(name: nfc, unit: "U", donations: 5, milestone: 5)])
    }

    @Test func rollOrderIsCountThenGivenNameThenFullName() {
        let csv = """
            campaign,date,site,donor,donor_id,unit,volume_ml,prior_donations,consent
            a,2023-01-01,S,Trần Văn Bình,1,U,350,9,yes
            a,2023-01-01,S,Lê Thị Ánh,2,U,350,9,yes
            a,2023-01-01,S,Nguyễn Văn An,3,U,350,9,yes
            a,2023-01-01,S,Phạm Văn Anh,4,U,350,19,yes
            a,2023-01-01,S,Ai Đó,5,U,350,19,no
            a,2023-01-01,S,Đỗ Văn Đức,6,U,350,9,yes
            a,2023-01-01,S,Bùi Văn Dũng,7,U,350,9,yes

            """
        let (result, _) = figures(csv: csv, campaigns: [("a", nil)])
        // 20s first (named before anonymous), then 10s by given name: An < Ánh < Bình < Dũng < Đức.
        #expect(
            result.honourRoll.map { $0.name ?? "–" } == [
                "Phạm Văn Anh", "–", "Nguyễn Văn An", "Lê Thị Ánh", "Trần Văn Bình", "Bùi Văn Dũng", "Đỗ Văn Đức",
            ])
        #expect(result.honourRoll.map(\.milestone) == [20, 20, 10, 10, 10, 10, 10])
    }

    @Test func anonymityFollowsConsentAndDefault() {
        let csv = """
            campaign,date,site,donor,donor_id,unit,volume_ml,prior_donations,consent
            a,2023-01-01,S,Có Đồng Ý,1,U,350,9,yes
            a,2023-01-01,S,Để Trống,2,U,350,9,
            a,2023-01-01,S,Từ Chối Một Lần,3,U,350,9,yes
            a,2023-03-01,S,Từ Chối Một Lần,3,U,0,,no

            """
        let (strict, _) = figures(csv: csv, campaigns: [("a", nil)], consentDefault: false)
        #expect(strict.honourRoll.map(\.name) == ["Có Đồng Ý", nil, nil])
        #expect(strict.honourRoll.filter(\.isAnonymous).allSatisfy { $0.unit == nil })
        let (lenient, _) = figures(csv: csv, campaigns: [("a", nil)], consentDefault: true)
        #expect(Set(lenient.honourRoll.compactMap(\.name)) == ["Có Đồng Ý", "Để Trống"])
    }

    @Test func rowsOfCampaignsOutsideTheBuildCountNowhere() {
        let csv = """
            campaign,date,site,donor,donor_id,unit,volume_ml,prior_donations,consent
            a,2023-01-01,S,X,1,U,350,9,yes
            draft,2023-06-01,S,X,1,U,350,,yes

            """
        var diagnostics = Diagnostics()
        var builder = FigureBuilder(
            campaigns: [.init(id: "a", targetUnits: nil)], milestones: [10], consentDefault: false)
        DonationTable.read(
            bytes: Array(csv.utf8), context: .init(file: "d.csv", campaignIDs: ["a", "draft"]),
            diagnostics: &diagnostics, into: &builder)
        let result = builder.finish()
        #expect(!diagnostics.hasErrors)
        #expect(result.totals.registrations == 1)
        // 9 prior + 1 in "a" = 10; the draft's row would make it 11.
        #expect(result.honourRoll.map(\.donations) == [10])
    }
}

/// Reading on its own thread (rows passed on in batches) gives what reading
/// in the calling thread gives: figures, rolls and every message.
@Suite struct ReadingThreadTests {
    /// Dashes, curly quotes and the ellipsis are common in site names and
    /// cannot change under NFC: such rows stay on the quick path. A scalar
    /// that NFC changes (U+2000 becomes U+2002) or a combining mark does not.
    @Test func quickPathTakesDashesAndCurlyQuotesButNotWhatNFCChanges() {
        func quick(_ text: String) -> Bool {
            Array(text.utf8).withUnsafeBufferPointer { QuickRowReader.surelyNFC($0) }
        }
        #expect(quick("Viện Huyết học – Truyền máu Trung ương"))
        #expect(quick("Nhà văn hóa “Thanh niên” — Hà Nội…"))
        #expect(!quick("Hà\u{2000}Nội"))
        #expect(!quick("Ha\u{0300}"))
        #expect(!quick("x\u{2015}y"))
        for text in ["Viện Huyết học – Truyền máu", "“A” ‘B’ — …", "Hà\u{2000}Nội", "Ha\u{0300}"] {
            #expect(quick(text) == CarefulRowReader.isSurelyNFC(text), "\(text)")
            if quick(text) { #expect(text.precomposedStringWithCanonicalMapping.utf8.elementsEqual(text.utf8)) }
        }
    }

    @Test func twoThreadsGiveTheSameFiguresAndMessagesAsOne() throws {
        // 46,000 rows: more than two batches, with repeat donors, a draft, bad rows and warnings.
        // The last 6,000 bring new regular donors, so that the last of the donor ranges walked on
        // each core (`DonorLedger.ranges`) has honour-roll lines and 12-week warnings too.
        var csv = "campaign,date,site,donor,donor_id,unit,volume_ml,blood_group,prior_donations,consent\n"
        for i in 0..<46_000 {
            let campaign = ["a", "b", "draft"][i % 3]
            let late = i >= 40_000
            let donor = late ? "Lê Văn \(i % 900)" : i % 7 == 0 ? "Nguyễn Văn \(i % 500)" : "Trần Thị \(i)"
            let id = late ? "LE\(i % 900)" : i % 5 == 0 ? "" : "ID\(i % 9_000)"
            let volume = i % 1_000 == 999 ? "300" : ["0", "250", "350", "450"][i % 4]
            let day = 1 + (i % 28)
            csv +=
                "\(campaign),2023-02-\(day < 10 ? "0" : "")\(day),Điểm \(i % 4),\(donor),\(id),Đơn vị \(i % 13),\(volume),O+,\(i % 11 == 0 ? "9" : ""),\(i % 17 == 0 ? "no" : "yes")\n"
        }
        func run(threads: Int, splitting: Bool = false) -> String {
            var diagnostics = Diagnostics()
            var builder = FigureBuilder(
                campaigns: [.init(id: "a", targetUnits: 100), .init(id: "b", targetUnits: nil)],
                milestones: [5, 10], consentDefault: false, file: "d.csv")
            DonationTable.read(
                bytes: Array(csv.utf8), context: .init(file: "d.csv", campaignIDs: ["a", "b", "draft"]),
                diagnostics: &diagnostics, into: &builder, threads: threads, splitting: splitting)
            diagnostics.append(contentsOf: builder.nameWarnings())
            // Past 4,096 donors, the honour rolls and the 12-week check walk the donors in ranges on every core.
            diagnostics.append(contentsOf: builder.donorWarnings(file: "d.csv", threads: threads))
            let figures = builder.finish(threads: threads)
            var out = DiagnosticPrinter(language: .en).format(diagnostics)
            for campaign in figures.campaigns {
                out += "\(campaign.id) \(campaign.totals)\n"
                for group in campaign.bySite + campaign.byUnit + campaign.byBloodGroup {
                    out += "  \(group.key ?? "-") \(group.tally)\n"
                }
                for group in campaign.byDate { out += "  \(group.key!.iso) \(group.tally)\n" }
                for donor in figures.campaignRolls[campaign.id] ?? [] { out += "  roll \(donor)\n" }
            }
            for donor in figures.honourRoll { out += "roll \(donor)\n" }
            return out + "rows \(figures.rowsRead)\n"
        }
        let one = run(threads: 1)
        // Whole tables the fuzzer found trouble in (Fixtures/fuzz/table-*) read the same way on one thread and two.
        let folder = Fixtures.fuzz
        for name in try Fixtures.names(in: folder, where: { $0.hasPrefix("table-") }) {
            let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
            func read(_ threads: Int, splitting: Bool = false) -> String {
                var diagnostics = Diagnostics()
                var builder = FigureBuilder(
                    campaigns: [.init(id: "hn-2023", targetUnits: nil)], milestones: [2], consentDefault: false)
                DonationTable.read(
                    bytes: bytes, context: .init(file: "d.csv", campaignIDs: ["hn-2023"]),
                    diagnostics: &diagnostics, into: &builder, threads: threads, splitting: splitting)
                return DiagnosticPrinter(language: .en).format(diagnostics) + "\(builder.finish().totals)"
            }
            #expect(read(1) == read(2), "\(name)")
            #expect(read(1) == read(2, splitting: true), "\(name)")
        }
        #expect(one.contains("volume_ml \"300\""))
        #expect(one.contains("roll HonouredDonor"))
        #expect(one == run(threads: 2))
        #expect(one == run(threads: 2, splitting: true))
    }

    /// With `splitting`, records travel between the reading threads in batches of
    /// `RecordBatch.capacity`: quoted fields, escaped quotes and line breaks
    /// inside cells in every batch, and whatever stops the reading, wherever
    /// it falls, must read as on one thread.
    @Test func theReadingStopsWhereOneThreadStopsWhateverTheBatch() {
        let header = "campaign,date,site,donor,donor_id,unit,volume_ml,blood_group,prior_donations,consent\n"
        func rows(_ count: Int, from first: Int = 0) -> String {
            (first..<first + count).map { i in
                let site =
                    i % 3 == 0 ? "\"Điểm \"\"\(i % 5)\"\"\"" : i % 3 == 1 ? "\"Điểm\nsố \(i % 4)\"" : "Điểm \(i % 4)"
                return
                    "a,2023-02-0\(1 + i % 9),\(site),Người \(i % 700),,Phòng Cảnh sát giao thông \(i % 9),\(i % 500 == 7 ? "300" : "350"),A+,,yes\n"
            }.joined()
        }
        let batch = RecordBatch.capacity
        let cases: [(name: String, bytes: [UInt8], says: String)] = [
            ("three batches", Array((header + rows(2 * batch + 17)).utf8), "volume_ml \"300\""),
            (
                "a stray quote in the second batch",
                Array((header + rows(batch + 5) + "a,2023-02-01,\"Điểm\"x,Người,,,350,A+,,yes\n" + rows(50)).utf8),
                "error:"
            ),
            (
                "a quote never closed",
                Array((header + rows(batch) + "a,2023-02-01,\"Điểm,Người,,,350,A+,,yes\n").utf8), "error:"
            ),
            (
                "bytes that are not UTF-8",
                Array((header + rows(batch + 1)).utf8) + [0x61, 0x2C, 0xFF, 0x0A] + Array(rows(3).utf8), "error:"
            ),
            ("a broken header", Array(("campaign,date,donor\n" + rows(batch + 3)).utf8), "error:"),
            ("UTF-16", [0xFF, 0xFE] + Array(header.utf8), "error:"),
            ("only a header", Array(header.utf8), "rows 0"),
            ("nothing", [], "error:"),
        ]
        for (name, bytes, says) in cases {
            func read(_ threads: Int, splitting: Bool = false) -> String {
                var diagnostics = Diagnostics()
                var builder = FigureBuilder(
                    campaigns: [.init(id: "a", targetUnits: nil)], milestones: [5], consentDefault: false)
                DonationTable.read(
                    bytes: bytes, context: .init(file: "d.csv", campaignIDs: ["a"]),
                    diagnostics: &diagnostics, into: &builder, threads: threads, splitting: splitting)
                diagnostics.append(contentsOf: builder.nameWarnings())
                let figures = builder.finish()
                return DiagnosticPrinter(language: .en).format(diagnostics)
                    + "\(figures.totals) rows \(figures.rowsRead)\n"
                    + figures.honourRoll.map { "\($0)" }.joined(separator: "\n")
            }
            let one = read(1)
            #expect(one.contains(says), "\(name)")
            #expect(one == read(2), "\(name)")
            #expect(one == read(2, splitting: true), "\(name)")
        }
    }
}
