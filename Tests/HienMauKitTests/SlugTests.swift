import Foundation
import Testing

@testable import HienMauKit

@Suite struct SlugTests {
    @Test func designExample() {
        #expect(Slug.make("Hành trình “Giọt máu nghĩa tình” 2023") == "hanh-trinh-giot-mau-nghia-tinh-2023")
    }

    @Test func dStrokeBecomesD() {
        #expect(Slug.make("Đoàn Thanh niên") == "doan-thanh-nien")
        #expect(Slug.make("đường Điện Biên") == "duong-dien-bien")
    }

    @Test func stackedMarksAreDropped() {
        #expect(Slug.make("mệt quá") == "met-qua")
        #expect(Slug.make("Người hiến máu ẩn danh") == "nguoi-hien-mau-an-danh")
    }

    @Test func nfcAndNfdGiveOneSlug() {
        let nfc = "Giọt máu nghĩa tình".precomposedStringWithCanonicalMapping
        let nfd = "Giọt máu nghĩa tình".decomposedStringWithCanonicalMapping
        #expect(Array(nfc.unicodeScalars) != Array(nfd.unicodeScalars))
        #expect(Slug.make(nfc) == "giot-mau-nghia-tinh")
        #expect(Slug.make(nfd) == "giot-mau-nghia-tinh")
    }

    @Test func runsOfOtherCharactersCollapseAndTrim() {
        #expect(Slug.make("  --Cà Mau: 2020!! ") == "ca-mau-2020")
        #expect(Slug.make("“”…") == "")
    }

    @Test func writtenSlugsAreChecked() {
        #expect(Slug.problem(with: "a/b") != nil)
        #expect(Slug.problem(with: "..") != nil)
        #expect(Slug.problem(with: "a\\b") != nil)
        #expect(Slug.problem(with: "") != nil)
        #expect(Slug.problem(with: "gioi-thieu") == nil)
    }
}
