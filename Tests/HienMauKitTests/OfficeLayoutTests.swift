import Testing

@testable import HienMauKit

@Suite struct OfficeLayoutTests {
    @Test func rowsAroundTheTableAreToldApart() {
        #expect(OfficeRowKind(["(1)", "(2)", "(3)", "(4)"]) == .columnNumbers)
        #expect(OfficeRowKind(["1", "2", "3", "4", ""]) == .columnNumbers)
        #expect(OfficeRowKind(["", "Tổng cộng", "", "", "1.350"]) == .totals)
        #expect(OfficeRowKind(["", "TỔNG SỐ", "", "4"]) == .totals)
        #expect(OfficeRowKind(["Cộng", "4"]) == .totals)
        #expect(OfficeRowKind(["", "Người lập biểu", "", "", "Ngày ... tháng ... năm 2023"]) == .signature)
        #expect(OfficeRowKind(["", "", "Hà Nội, ngày 25 tháng 8 năm 2023"]) == .signature)
        #expect(OfficeRowKind(["(Ký, ghi rõ họ tên)"]) == .signature)
        #expect(OfficeRowKind(["", " ", ""]) == .empty)
        #expect(OfficeRowKind([]) == .empty)
    }

    @Test func donationRowsAreNotMistakenForLayout() {
        #expect(OfficeRowKind(["1", "Nguyễn Văn An", "CA001", "350", "O+"]) == .other)
        // A donor whose name holds a layout word is still a donor.
        #expect(OfficeRowKind(["2", "Trần Văn Cộng", "Phòng Tổng hợp", "250"]) == .other)
        #expect(OfficeRowKind(["hn-2023", "4/8/2023", "Trụ sở", "Ngô Thị Ngày", "350"]) == .other)
        #expect(OfficeRowKind(["1", "2", "3"]) == .columnNumbers)
        #expect(OfficeRowKind(["1", "2"]) == .other)
    }

    @Test func wrappedHeadersReadAsOneLine() {
        #expect("Họ và\ntên".collapsingWhitespace == "Họ và tên")
        #expect("  Lượng máu \r\n (ml) ".collapsingWhitespace == "Lượng máu (ml)")
        #expect("Nguyễn  Văn   An".collapsingWhitespace == "Nguyễn Văn An")
    }
}
